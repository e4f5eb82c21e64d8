/// The few vector loops the small-layer kernels are made of, written with explicit SIMD so
/// that they vectorise over the rows of a batch (activations are stored feature-major, so a
/// feature's values for consecutive rows are contiguous).
///
/// Every lane of a vector runs the same sequence of Float operations as the scalar tail, so a
/// row's result does not depend on where in the batch it sits.
enum BatchMath {
    /// `target[r] = base + Σₖ coefficients[k · coefficientStride] · sources[k · sourceStride + r]`
    /// for r in 0..<count, the terms added in order k = 0, 1, …
    @inline(__always)
    static func combine(
        into target: UnsafeMutablePointer<Float>, count: Int, base: Float,
        coefficients: UnsafePointer<Float>, coefficientStride: Int,
        sources: UnsafePointer<Float>, sourceStride: Int, terms: Int
    ) {
        // The inner loops step pointers rather than index with k · stride, whose overflow checks
        // cost as much as the arithmetic in a 10-term sum.
        var r = 0
        while r + 16 <= count {
            var sum = SIMD16<Float>(repeating: base)
            var c = coefficients, s = sources + r
            for _ in 0..<terms {
                sum += c.pointee * load16(s)
                c += coefficientStride
                s += sourceStride
            }
            store16(sum, target + r)
            r += 16
        }
        while r + 4 <= count {
            var sum = SIMD4<Float>(repeating: base)
            var c = coefficients, s = sources + r
            for _ in 0..<terms {
                sum += c.pointee * load4(s)
                c += coefficientStride
                s += sourceStride
            }
            store4(sum, target + r)
            r += 4
        }
        while r < count {
            var sum = base
            for k in 0..<terms { sum += coefficients[k * coefficientStride] * sources[k * sourceStride + r] }
            target[r] = sum
            r += 1
        }
    }

    /// `combine` for two targets at once from the same sources: `target0` with `base0` and
    /// `coefficients0`, `target1` with `base1` and `coefficients1`. Each target gets exactly the
    /// operations `combine` would give it; the pair only shares the loads of the sources and,
    /// more to the point, runs two independent chains of additions, where one chain would wait
    /// on each addition's latency.
    @inline(__always)
    static func combinePair(
        into target0: UnsafeMutablePointer<Float>, _ target1: UnsafeMutablePointer<Float>, count: Int,
        base0: Float, base1: Float,
        coefficients0: UnsafePointer<Float>, _ coefficients1: UnsafePointer<Float>, coefficientStride: Int,
        sources: UnsafePointer<Float>, sourceStride: Int, terms: Int
    ) {
        var r = 0
        while r + 16 <= count {
            var sum0 = SIMD16<Float>(repeating: base0), sum1 = SIMD16<Float>(repeating: base1)
            var c0 = coefficients0, c1 = coefficients1, s = sources + r
            for _ in 0..<terms {
                let v = load16(s)
                sum0 += c0.pointee * v
                sum1 += c1.pointee * v
                c0 += coefficientStride
                c1 += coefficientStride
                s += sourceStride
            }
            store16(sum0, target0 + r)
            store16(sum1, target1 + r)
            r += 16
        }
        guard r < count else { return }
        combine(into: target0 + r, count: count - r, base: base0, coefficients: coefficients0,
                coefficientStride: coefficientStride, sources: sources + r, sourceStride: sourceStride, terms: terms)
        combine(into: target1 + r, count: count - r, base: base1, coefficients: coefficients1,
                coefficientStride: coefficientStride, sources: sources + r, sourceStride: sourceStride, terms: terms)
    }

    // The two reductions below keep eight partial sums: enough to vectorise, and few enough that
    // adding them up at the end costs little next to a batch of 32.

    /// Σ a[r] · b[r] over r in 0..<count, in eight interleaved partial sums.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        var partial = SIMD8<Float>()
        var r = 0
        while r + 8 <= count {
            partial += load8(a + r) * load8(b + r)
            r += 8
        }
        var sum = partial.sum()
        while r < count {
            sum += a[r] * b[r]
            r += 1
        }
        return sum
    }

    /// Four dot products at once: lane j of the result is `dot(a, b + j · bStride, count: count)`,
    /// bit for bit. Each lane keeps the same eight partial sums and adds them up in the same order
    /// as `dot`; only the final additions run four lanes wide instead of one product at a time,
    /// which is where `dot` spends most of its time on a batch of 32.
    @inline(__always)
    static func dot4(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, bStride: Int, count: Int) -> SIMD4<Float> {
        let b0 = b, b1 = b + bStride, b2 = b + 2 * bStride, b3 = b + 3 * bStride
        var p0 = SIMD8<Float>(), p1 = SIMD8<Float>(), p2 = SIMD8<Float>(), p3 = SIMD8<Float>()
        var r = 0
        while r + 8 <= count {
            let x = load8(a + r)
            p0 += x * load8(b0 + r)
            p1 += x * load8(b1 + r)
            p2 += x * load8(b2 + r)
            p3 += x * load8(b3 + r)
            r += 8
        }
        // SIMD8.sum() is ((-0 + p[0]) + p[1]) + … + p[7], and -0 + p[0] is p[0].
        var sum = SIMD4(p0[0], p1[0], p2[0], p3[0])
        for k in 1..<8 { sum += SIMD4(p0[k], p1[k], p2[k], p3[k]) }
        while r < count {
            sum += SIMD4(repeating: a[r]) * SIMD4(b0[r], b1[r], b2[r], b3[r])
            r += 1
        }
        return sum
    }

    /// Σ a[r] over r in 0..<count, in eight interleaved partial sums.
    @inline(__always)
    static func sum(_ a: UnsafePointer<Float>, count: Int) -> Float {
        var partial = SIMD8<Float>()
        var r = 0
        while r + 8 <= count {
            partial += load8(a + r)
            r += 8
        }
        var sum = partial.sum()
        while r < count {
            sum += a[r]
            r += 1
        }
        return sum
    }

    /// Writes `gradient[r] = scale · (y[r] − x[r])` and returns Σ (y[r] − x[r])² accumulated in Double.
    @inline(__always)
    static func squaredDifference(
        _ y: UnsafePointer<Float>, _ x: UnsafePointer<Float>, count: Int,
        gradient: UnsafeMutablePointer<Float>?, scale: Float
    ) -> Double {
        var partial = SIMD4<Double>()
        var r = 0
        while r + 4 <= count {
            let d = load4(y + r) - load4(x + r)
            if let gradient { store4(scale * d, gradient + r) }
            let wide = SIMD4<Double>(d)
            partial += wide * wide
            r += 4
        }
        var sum = partial.sum()
        while r < count {
            let d = y[r] - x[r]
            gradient?[r] = scale * d
            sum += Double(d) * Double(d)
            r += 1
        }
        return sum
    }

    /// e^x for sixteen values, within about 2 ulp of libm's expf: Cephes's polynomial on the
    /// reduced argument r = x − n·ln 2, scaled by 2^n built in the exponent bits. Inputs are
    /// clamped to [−87, 88] so that 2^n stays a normal number; NaN stays NaN. Every lane runs the
    /// same operations, so a value's result does not depend on its lane.
    @inline(__always)
    static func exp(_ x: SIMD16<Float>) -> SIMD16<Float> {
        var x = x.replacing(with: 88, where: x .> 88)
        x.replace(with: -87, where: x .< -87)
        // Adding 1.5·2²³ rounds x·log2(e) to an integer n and leaves n in the low mantissa bits.
        let magic = SIMD16<Float>(repeating: 12_582_912)
        let shifted = x * 1.442_695_04 + magic
        let n = shifted - magic
        let r = x - n * 0.693_359_375 - n * -2.121_944_4e-4
        var p = SIMD16<Float>(repeating: 1.987_569_15e-4)
        p = p * r + 1.398_199_950_7e-3
        p = p * r + 8.333_451_907_3e-3
        p = p * r + 4.166_579_589_4e-2
        p = p * r + 1.666_666_545_9e-1
        p = p * r + 5.000_000_120_1e-1
        let y = p * (r * r) + r + 1
        let bits = (unsafeBitCast(shifted, to: SIMD16<UInt32>.self) &- 0x4B40_0000 &+ 127) &<< 23
        return y * unsafeBitCast(bits, to: SIMD16<Float>.self)
    }

    /// The first `count` (< 16) values at `p` in the low lanes, zeros above: a loop's tail run
    /// through the same vector code as its body.
    @inline(__always) static func loadPartial16(_ p: UnsafePointer<Float>, count: Int) -> SIMD16<Float> {
        var v = SIMD16<Float>()
        for k in 0..<count { v[k] = p[k] }
        return v
    }

    /// Stores the low `count` (< 16) lanes of `v` at `p`.
    @inline(__always) static func storePartial16(_ v: SIMD16<Float>, _ p: UnsafeMutablePointer<Float>, count: Int) {
        for k in 0..<count { p[k] = v[k] }
    }

    @inline(__always) static func load16(_ p: UnsafePointer<Float>) -> SIMD16<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Float>.self)
    }

    @inline(__always) static func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always) static func load4(_ p: UnsafePointer<Float>) -> SIMD4<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Float>.self)
    }

    @inline(__always) static func store16(_ v: SIMD16<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD16<Float>.self)
    }

    @inline(__always) static func store8(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
    }

    @inline(__always) static func store4(_ v: SIMD4<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Float>.self)
    }
}
