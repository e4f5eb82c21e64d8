import Testing
@testable import AutoencoderKit

@Suite struct ScalerTests {
    let data = Matrix(rowArrays: [[1, 10, 5], [2, 20, 5], [3, 30, 5], [4, 40, 5], [100, 50, 5]])!

    @Test func standardUsesMeanAndPopulationSD() throws {
        let scaler = try FittedScaler.fit(.standard, on: data)
        // column 0: mean 22, population sd sqrt((21²+20²+19²+18²+78²)/5) = sqrt(1522) ≈ 39.013
        #expect(abs(scaler.offsets[0] - 22) < 1e-5)
        #expect(abs(Double(scaler.scales[0]) - 1522.0.squareRoot()) < 1e-3)
        let scaled = scaler.transform(data)
        let column = scaled.column(1).map(Double.init)
        let mean = column.reduce(0, +) / 5
        let sd = (column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 5).squareRoot()
        #expect(abs(mean) < 1e-6)
        #expect(abs(sd - 1) < 1e-5)
    }

    @Test func constantColumnIsLeftUnscaledAndNamed() throws {
        for method in [ScalingMethod.standard, .minmax, .robust] {
            let scaler = try FittedScaler.fit(method, on: data)
            #expect(scaler.constantColumns == [2])
            #expect(scaler.scales[2] == 1)
            #expect(scaler.transform(data).column(2).allSatisfy { $0.isFinite })
        }
    }

    @Test func minmaxMapsTheFittedRowsIntoUnitRange() throws {
        let scaled = try FittedScaler.fit(.minmax, on: data).transform(data)
        #expect(scaled.column(1) == [0, 0.25, 0.5, 0.75, 1])
    }

    @Test func robustUsesMedianAndInterquartileRange() throws {
        let scaler = try FittedScaler.fit(.robust, on: data)
        // column 0 = [1,2,3,4,100]: median 3, q1 2, q3 4 (numpy linear) → IQR 2
        #expect(scaler.offsets[0] == 3)
        #expect(scaler.scales[0] == 2)
    }

    @Test func noneKeepsValues() throws {
        let scaler = try FittedScaler.fit(.none, on: data)
        #expect(scaler.transform(data) == data)
    }

    @Test func fittingOnNoRowsThrows() {
        #expect(throws: ScalingError.self) { try FittedScaler.fit(.standard, on: Matrix(rows: 0, columns: 3)) }
    }
}

@Suite struct TrainTestSplitTests {
    @Test func stratifiedSplitKeepsClassProportions() throws {
        let labels = [UInt8](repeating: 0, count: 10_000) + [UInt8](repeating: 1, count: 1_000)
        let split = try TrainTestSplit.make(rowCount: 11_000, labels: labels, testFraction: 0.2, stratify: true, seed: 42)
        #expect(split.testIndices.count == 2_200)
        #expect(split.testIndices.filter { labels[$0] == 1 }.count == 200)
        #expect(Set(split.trainIndices).isDisjoint(with: split.testIndices))
        #expect(split.trainIndices.count + split.testIndices.count == 11_000)
        #expect(split.trainIndices == split.trainIndices.sorted())
    }

    @Test func sameSeedSameSplitOtherSeedOtherSplit() throws {
        let a = try TrainTestSplit.make(rowCount: 100, labels: nil, testFraction: 0.3, stratify: false, seed: 1)
        let b = try TrainTestSplit.make(rowCount: 100, labels: nil, testFraction: 0.3, stratify: false, seed: 1)
        let c = try TrainTestSplit.make(rowCount: 100, labels: nil, testFraction: 0.3, stratify: false, seed: 2)
        #expect(a == b)
        #expect(a != c)
        #expect(a.testIndices.count == 30)
    }

    @Test(arguments: [0.0, 1.0, -0.5, 1.5, Double.nan])
    func fractionOutsideTheOpenUnitIntervalIsRefused(fraction: Double) {
        #expect(throws: SplitError.self) {
            try TrainTestSplit.make(rowCount: 10, labels: nil, testFraction: fraction, stratify: false, seed: 0)
        }
    }

    @Test func partsMustNotBeEmpty() {
        #expect(throws: SplitError.self) {
            try TrainTestSplit.make(rowCount: 1, labels: nil, testFraction: 0.5, stratify: false, seed: 0)
        }
        #expect(throws: SplitError.self) {
            try TrainTestSplit.make(rowCount: 3, labels: nil, testFraction: 0.1, stratify: false, seed: 0)
        }
    }
}

@Suite struct SyntheticDataTests {
    @Test func normalRowsThenShiftedAnomalies() throws {
        let data = try SyntheticData.generate(normal: 5_000, anomalies: 1_000, features: 4, shift: 5, seed: 42)
        #expect(data.rowCount == 6_000)
        #expect(data.columnNames == ["x0", "x1", "x2", "x3"])
        #expect(data.labels?.prefix(5_000).allSatisfy { $0 == 0 } == true)
        #expect(data.labels?.suffix(1_000).allSatisfy { $0 == 1 } == true)
        let normalMean = (0..<5_000).map { Double(data.features[$0, 0]) }.reduce(0, +) / 5_000
        let anomalyMean = (5_000..<6_000).map { Double(data.features[$0, 0]) }.reduce(0, +) / 1_000
        #expect(abs(normalMean) < 0.05)
        #expect(abs(anomalyMean - 5) < 0.1)
    }

    @Test func sameSeedSameData() throws {
        let a = try SyntheticData.generate(normal: 50, anomalies: 5, features: 3, shift: 5, seed: 9)
        let b = try SyntheticData.generate(normal: 50, anomalies: 5, features: 3, shift: 5, seed: 9)
        #expect(a == b)
    }

    @Test func refusesEmptyOrHugeRequests() {
        #expect(throws: SyntheticDataError.self) { try SyntheticData.generate(normal: 0, anomalies: 0, features: 3, shift: 5, seed: 0) }
        #expect(throws: SyntheticDataError.self) { try SyntheticData.generate(normal: 10, anomalies: 0, features: 0, shift: 5, seed: 0) }
        #expect(throws: SyntheticDataError.self) { try SyntheticData.generate(normal: Int.max / 2, anomalies: 0, features: 10, shift: 5, seed: 0) }
    }
}
