import Foundation
import Testing
@testable import AutoencoderKit

/// The PCA-reconstruction and Isolation Forest baselines on data whose answer is known.
struct BaselineTests {
    /// `count` rows of `features` columns near the plane spanned by the first two axes (noise sd
    /// 0.01 off it), with seeded values.
    static func nearPlane(_ count: Int, features: Int = 5, seed: UInt64 = 7) -> Matrix {
        var generator = SeededGenerator(seed: seed)
        var m = Matrix(rows: count, columns: features)
        for r in 0..<count {
            let a = generator.nextNormal() * 2, b = generator.nextNormal() * 1.5
            for c in 0..<features {
                let onPlane = c == 0 ? a + b : c == 1 ? a - b : c == 2 ? 0.5 * a : 0
                m[r, c] = Float(onPlane + 0.01 * generator.nextNormal() + 2)
            }
        }
        return m
    }

    @Test func lapackEigenvaluesMatchTheJacobiRotations() throws {
        var generator = SeededGenerator(seed: 3)
        let d = 7
        var a = [Double](repeating: 0, count: d * d)
        for i in 0..<d { for j in i..<d { a[i * d + j] = generator.nextNormal(); a[j * d + i] = a[i * d + j] } }
        let (values, vectors) = try #require(LAPACKSymmetricEigen.decompose(a, size: d))
        let jacobi = SymmetricEigen.decompose(a, size: d).0.sorted()
        for (x, y) in zip(values, jacobi) { #expect(abs(x - y) < 1e-9) }
        // A v = λ v for every pair.
        for j in 0..<d {
            for i in 0..<d {
                let av = (0..<d).reduce(0.0) { $0 + a[i * d + $1] * vectors[j * d + $1] }
                #expect(abs(av - values[j] * vectors[j * d + i]) < 1e-9)
            }
        }
        #expect(LAPACKSymmetricEigen.decompose([1, .nan, .nan, 1], size: 2) == nil)
    }

    @Test func pcaKeepsThePlaneAndScoresRowsOffItHigher() throws {
        let training = Self.nearPlane(400)
        let pca = try PCAReconstruction.fit(training)
        #expect(pca.componentCount == 2)
        #expect(pca.explainedShare > 0.99)
        #expect(pca.variances == pca.variances.sorted(by: >))
        // Rows on the plane reconstruct almost exactly; a row 1 off it does not.
        var test = Self.nearPlane(3, seed: 8)
        test[2, 4] += 1
        let errors = try pca.errors(test)
        #expect(errors[0] < 1e-3 && errors[1] < 1e-3)
        #expect(abs(errors[2] - 1.0 / 5) < 0.01)
        // Asking for nearly all of the variance keeps more axes; the same data gives the same numbers.
        #expect(try PCAReconstruction.fit(training, varianceShare: 0.999_99).componentCount > 2)
        #expect(try PCAReconstruction.fit(training) == pca)
        #expect(try pca.errors(test) == errors)
    }

    @Test func pcaRefusesWhatItCannotFit() throws {
        #expect(throws: BaselineError.self) { try PCAReconstruction.fit(Matrix(rows: 1, columns: 3)) }
        #expect(throws: BaselineError.self) { try PCAReconstruction.fit(Matrix(rows: 5, columns: 3, repeating: 2)) }
        var bad = Self.nearPlane(10)
        bad[3, 1] = .infinity
        #expect(throws: BaselineError.self) { try PCAReconstruction.fit(bad) }
        #expect(throws: BaselineError.self) { try PCAReconstruction.fit(Self.nearPlane(10), varianceShare: 1) }
        let pca = try PCAReconstruction.fit(Self.nearPlane(50))
        #expect(throws: BaselineError.width(4, fitted: 5)) { try pca.errors(Matrix(rows: 2, columns: 4)) }
    }

    @Test func averagePathLengthIsScikitLearns() {
        #expect(IsolationForest.averagePathLength(1) == 0)
        #expect(IsolationForest.averagePathLength(2) == 1)
        // 2 (ln 255 + γ) − 2 · 255 / 256, as scikit-learn 1.9.1 computes it.
        #expect(abs(IsolationForest.averagePathLength(256) - 10.244_770_920_119_917) < 1e-12)
    }

    @Test func isolationForestIsolatesAFarRowFirstAndIsSeeded() throws {
        let training = Self.nearPlane(1000)
        let forest = try IsolationForest.fit(training, seed: 42)
        #expect(forest.treeCount == 100 && forest.sampleSize == 256)
        var test = Self.nearPlane(20, seed: 9)
        for c in 0..<5 { test[19, c] += 30 }
        let scores = try forest.scores(test)
        #expect(scores.allSatisfy { $0 > 0 && $0 <= 1 })
        #expect(scores[19] > 0.7, "\(scores[19])")
        #expect(scores[..<19].allSatisfy { $0 < scores[19] - 0.15 }, "\(scores)")
        #expect(try IsolationForest.fit(training, seed: 42) == forest)
        #expect(try IsolationForest.fit(training, seed: 43).scores(test) != scores)
        // Fewer rows than the subsample size: every tree sees all of them.
        #expect(try IsolationForest.fit(Self.nearPlane(30), seed: 1).sampleSize == 30)
    }

    @Test func isolationForestRefusesWhatItCannotFit() throws {
        #expect(throws: BaselineError.self) { try IsolationForest.fit(Matrix(rows: 1, columns: 3), seed: 1) }
        #expect(throws: BaselineError.self) { try IsolationForest.fit(Self.nearPlane(10), trees: 0, seed: 1) }
        var bad = Self.nearPlane(10)
        bad[0, 0] = .nan
        #expect(throws: BaselineError.self) { try IsolationForest.fit(bad, seed: 1) }
        let forest = try IsolationForest.fit(Self.nearPlane(10), seed: 1)
        #expect(throws: BaselineError.width(6, fitted: 5)) { try forest.scores(Matrix(rows: 1, columns: 6)) }
        // Identical rows cannot be split: each tree is one leaf, and every row scores alike.
        let flat = try IsolationForest.fit(Matrix(rows: 8, columns: 2, repeating: 1), seed: 1)
        let scores = try flat.scores(Self.nearPlane(3, features: 2))
        #expect(Set(scores).count == 1)
    }
}
