import Testing
@testable import AutoencoderKit

@Suite struct AdamTests {
    /// Runs `gradients` through Adam (lr 0.01) from `start`, returning parameters, m and v.
    func run(_ start: [Float], _ gradients: [[Float]]) -> (parameters: [Float], m: [Float], v: [Float], finite: [Bool]) {
        var adam = Adam(learningRate: 0.01)
        var parameters = start, updated = start
        var m = [Float](repeating: 0, count: start.count), v = m
        var finite: [Bool] = []
        for g in gradients {
            finite.append(Adam.apply(stepSize: adam.nextStepSize(), parameters: parameters, gradients: g, m: &m, v: &v,
                                      updated: &updated, count: start.count))
            parameters = updated
        }
        return (parameters, m, v, finite)
    }

    /// Two steps on five parameters (one vector of four and a scalar tail), against numbers
    /// worked out by hand:
    ///
    ///     step 1: alpha = 0.01 · √(1 − 0.999) / (1 − 0.9) = 0.0031622777
    ///             m = 0.1 g, v = 0.001 g², so w moves by alpha · 0.1 g / (√0.001 |g| + 1e-7),
    ///             which is 0.01 · sign(g) less the ε term: 1 → 0.99000032, −2 → −1.99000016,
    ///             0.5 stays (g = 0), 3 → 2.99000001, and for g = −0.001 (√v = 3.16e-5, where ε
    ///             shows) 0.25 → 0.25996848.
    ///     step 2: alpha = 0.01 · √(1 − 0.999²) / (1 − 0.9²) = 0.0023531673
    ///             m = 0.9 m₁ + 0.1 g₂, v = 0.999 v₁ + 0.001 g₂², e.g. for the first parameter
    ///             m = 0.039, v = 9.999e-5, w = 0.99000032 − alpha · 0.039 / (0.0099995 + 1e-7)
    ///             = 0.98082260.
    @Test func twoStepsMatchHandComputation() {
        let result = run([1, -2, 0.5, 3, 0.25], [[0.1, -0.2, 0, 4, -0.001], [0.3, 0.1, 0.5, -1, 0.002]])
        let expected: [Float] = [0.98082260, -1.98733683, 0.49255868, 2.98530533, 0.25631261]
        for (got, want) in zip(result.parameters, expected) { #expect(abs(got - want) < 2e-6, "\(got) vs \(want)") }
        let m: [Float] = [0.039, -0.008, 0.05, 0.26, 0.00011]
        let v: [Float] = [9.999e-5, 4.996e-5, 2.5e-4, 0.016984, 4.999e-9]
        for k in 0..<5 {
            #expect(abs(result.m[k] - m[k]) <= 1e-6 * max(1, abs(m[k]) * 1e3))
            #expect(abs(result.v[k] - v[k]) <= 1e-5 * v[k])
        }
        #expect(result.finite == [true, true])
    }

    /// The first step moves every parameter with a clear gradient by almost exactly the
    /// learning rate, against the gradient: Adam's scale invariance.
    @Test func firstStepIsLearningRateTimesSign() {
        let gradients: [Float] = [0.2, -3, 250, -0.5, 7, 1e3, -1e-1]
        let result = run([Float](repeating: 0, count: 7), [gradients])
        for (w, g) in zip(result.parameters, gradients) {
            #expect(abs(w - (g > 0 ? -0.01 : 0.01)) < 1e-6)
        }
    }

    /// A step that would make a weight non-finite is reported, and leaves the input untouched.
    @Test func nonFiniteStepIsReported() {
        var adam = Adam(learningRate: 0.01)
        let parameters: [Float] = [1, 2, 3, 4, 5, 6]
        var updated = [Float](repeating: 0, count: 6), m = updated, v = updated
        for bad in [Float.nan, .infinity] {
            for position in [1, 5] {  // in the vector part and in the tail
                var g: [Float] = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1]
                g[position] = bad
                m = [Float](repeating: 0, count: 6); v = m
                #expect(!Adam.apply(stepSize: adam.nextStepSize(), parameters: parameters, gradients: g, m: &m, v: &v, updated: &updated, count: 6))
            }
        }
        #expect(parameters == [1, 2, 3, 4, 5, 6])
        #expect(adam.step == 4)
    }

    /// A step may be applied to the parameters in parts (on two threads): every part boundary
    /// must give the same Floats as one whole update, whether a weight falls in a full vector of
    /// sixteen or in a padded tail.
    @Test(arguments: [0, 1, 4, 5, 11, 16, 17, 29, 37])
    func aStepAppliedInPartsEqualsTheWholeStep(boundary: Int) {
        var generator = SeededGenerator(seed: 3)
        let count = 37
        let parameters = (0..<count).map { _ in Float(generator.nextNormal()) }
        let gradients = (0..<count).map { _ in Float(generator.nextNormal()) * 0.1 }
        var adam = Adam(learningRate: 0.01)
        let alpha = adam.nextStepSize()
        var m = [Float](repeating: 0.01, count: count), v = [Float](repeating: 0.02, count: count)
        var whole = [Float](repeating: 0, count: count)
        #expect(Adam.apply(stepSize: alpha, parameters: parameters, gradients: gradients, m: &m, v: &v, updated: &whole, count: count))
        var pm = [Float](repeating: 0.01, count: count), pv = [Float](repeating: 0.02, count: count)
        var parts = [Float](repeating: 0, count: count)
        parameters.withUnsafeBufferPointer { p in
            gradients.withUnsafeBufferPointer { g in
                pm.withUnsafeMutableBufferPointer { m in
                    pv.withUnsafeMutableBufferPointer { v in
                        parts.withUnsafeMutableBufferPointer { u in
                            guard let p = p.baseAddress, let g = g.baseAddress, let m = m.baseAddress,
                                  let v = v.baseAddress, let u = u.baseAddress else { return }
                            _ = Adam.apply(stepSize: alpha, parameters: p, gradients: g, m: m, v: v, updated: u, count: boundary)
                            _ = Adam.apply(stepSize: alpha, parameters: p + boundary, gradients: g + boundary, m: m + boundary,
                                           v: v + boundary, updated: u + boundary, count: count - boundary)
                        }
                    }
                }
            }
        }
        #expect(parts.map(\.bitPattern) == whole.map(\.bitPattern))
        #expect(pm == m && pv == v)
    }
}
