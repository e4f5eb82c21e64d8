import Testing
@testable import AutoencoderKit

/// Expected values are numpy 2.4's `np.quantile(values, q)` (method="linear"), printed with repr;
/// the implementation follows numpy's arithmetic, so they are compared exactly.
@Suite struct PercentileTests {
    @Test func matchesNumpyOnSortedInput() {
        // Index (5 - 1) * 0.92 = 3.68 -> 4 + 0.68 * (5 - 4).
        #expect(Percentile.linear([1, 2, 3, 4, 5], fraction: 0.92) == 4.68)
        #expect(Percentile.linear([1, 2, 3, 4, 5], fraction: 0.5) == 3)
        #expect(Percentile.linear([1, 2, 3, 4, 5], fraction: 0.25) == 2)
    }

    @Test func endpointsAreMinimumAndMaximum() {
        let values = [3.5, -1, 10, 2.25, 7]
        #expect(Percentile.linear(values, fraction: 0) == -1)
        #expect(Percentile.linear(values, fraction: 1) == 10)
    }

    @Test func unsortedInputIsSortedFirst() {
        let values = [3.5, -1, 10, 2.25, 7]  // sorted: -1, 2.25, 3.5, 7, 10
        #expect(Percentile.linear(values, fraction: 0.5) == 3.5)
        #expect(Percentile.linear(values, fraction: 0.25) == 2.25)
        #expect(Percentile.linear(values, fraction: 0.92) == 9.040000000000001)  // 7 + 0.68 * 3
        #expect(Percentile.linear(values, fraction: 0.1) == 0.30000000000000004)  // -1 + 0.4 * 3.25
    }

    @Test func duplicateValues() {
        let values = [2.0, 2, 2, 5, 5, 9]
        #expect(Percentile.linear(values, fraction: 0.1) == 2)               // inside the run of 2s
        #expect(Percentile.linear(values, fraction: 0.5) == 3.5)             // between 2 and 5
        #expect(Percentile.linear(values, fraction: 0.6) == 5)               // exactly on index 3
        #expect(Percentile.linear(values, fraction: 0.92) == 7.400000000000002)  // 5 + 0.6 * 4
    }

    @Test func twoValuesAndOne() {
        #expect(Percentile.linear([0.1, 0.7], fraction: 0.92) == 0.652)
        #expect(Percentile.linear([0.7, 0.1], fraction: 0.3) == 0.28)
        // numpy interpolates from the upper end when gamma >= 0.5, hence not 0.4 exactly.
        #expect(Percentile.linear([0.1, 0.7], fraction: 0.5) == 0.39999999999999997)
        #expect(Percentile.linear([4.2], fraction: 0.92) == 4.2)
    }

    @Test func errorLikeValuesBitForBit() {
        let values = [0.013, 0.41, 0.077, 0.2, 0.9, 0.33, 0.051]
        #expect(Percentile.linear(values, fraction: 0.92) == 0.6648000000000003)
        #expect(Percentile.linear(values, fraction: 0.95) == 0.7529999999999997)
        #expect(Percentile.linear(values, fraction: 0.37) == 0.10405999999999997)
    }

    @Test func undefinedInputsGiveNil() {
        #expect(Percentile.linear([], fraction: 0.5) == nil)
        #expect(Percentile.linear([1, .nan, 3], fraction: 0.5) == nil)
        #expect(Percentile.linear([1, 2], fraction: .nan) == nil)
    }

    @Test func fractionOutsideUnitIntervalIsClamped() {
        #expect(Percentile.linear([1, 2, 3], fraction: -0.5) == 1)
        #expect(Percentile.linear([1, 2, 3], fraction: 7) == 3)
    }
}
