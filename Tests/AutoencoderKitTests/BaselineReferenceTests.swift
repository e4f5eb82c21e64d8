import Foundation
import Testing
@testable import AutoencoderKit

/// The baselines against scikit-learn on aesh's real data sets (data/sonar.csv, data/vehicle.csv):
/// the same rows, split and scaling as scripts/baseline/sklearn_reference.py used to write
/// scripts/baseline/sklearn-baselines.json (the versions it ran with are in the file).
struct BaselineReferenceTests {
    struct Reference: Decodable {
        struct Set: Decodable {
            struct PCA: Decodable {
                let components: Int
                let explained_variance_ratio: [Double]
                let roc_auc: Double, average_precision: Double
                let first_errors: [Double]
            }
            struct Forest: Decodable {
                struct Run: Decodable { let seed: Int, roc_auc: Double }
                let max_samples: Int
                let runs: [Run]
                let mean_roc_auc_100_seeds: Double
            }
            let file: String
            let training_rows: Int, test_rows: Int
            let pca: PCA
            let iforest: Forest
        }
        let sklearn: String
        let sets: [Set]
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func reference() throws -> Reference {
        let data = try Data(contentsOf: root.appendingPathComponent("scripts/baseline/sklearn-baselines.json"))
        return try JSONDecoder().decode(Reference.self, from: data)
    }

    /// The reference's protocol: row i is a test row when i % 3 == 0; the detectors fit the other
    /// rows with label 0, standard-scaled on those rows.
    struct Prepared {
        let training: Matrix, test: Matrix, labels: [UInt8]
    }

    static func prepare(_ file: String) throws -> Prepared {
        let table = try TableReader.read(path: root.appendingPathComponent(file).path, options: TableReadOptions(labelColumn: "label"))
        let data = table.dataset
        let labels = try #require(data.labels)
        let test = (0..<data.rowCount).filter { $0 % 3 == 0 }
        let fit = (0..<data.rowCount).filter { $0 % 3 != 0 && labels[$0] == 0 }
        let scaler = try FittedScaler.fit(.standard, on: data.features.selectingRows(fit))
        return Prepared(training: scaler.transform(data.features.selectingRows(fit)),
                        test: scaler.transform(data.features.selectingRows(test)),
                        labels: test.map { labels[$0] })
    }

    @Test(arguments: ["data/sonar.csv", "data/vehicle.csv"])
    func pcaKeepsScikitLearnsComponentsAndMatchesItsROCAUC(file: String) throws {
        let set = try #require(try Self.reference().sets.first { $0.file == file })
        let data = try Self.prepare(file)
        #expect(data.training.rows == set.training_rows && data.test.rows == set.test_rows)
        let pca = try PCAReconstruction.fit(data.training)
        #expect(pca.componentCount == set.pca.components)
        let total = pca.variances.reduce(0, +)
        for (k, ratio) in set.pca.explained_variance_ratio.enumerated() {
            #expect(abs(pca.variances[k] / total - ratio) < 1e-5, "component \(k + 1)")
        }
        let errors = try pca.errors(data.test)
        for (mine, theirs) in zip(errors, set.pca.first_errors) {
            #expect(abs(mine - theirs) <= 1e-4 * max(1, theirs), "\(mine) vs scikit-learn's \(theirs)")
        }
        let auc = try #require(Metrics.rocAUC(scores: errors, labels: data.labels))
        #expect(abs(auc - set.pca.roc_auc) < 0.01, "ROC AUC \(auc) vs scikit-learn's \(set.pca.roc_auc)")
        let ap = try #require(Metrics.averagePrecision(scores: errors, labels: data.labels))
        #expect(abs(ap - set.pca.average_precision) < 0.01, "AP \(ap) vs scikit-learn's \(set.pca.average_precision)")
    }

    @Test(arguments: ["data/sonar.csv", "data/vehicle.csv"])
    func isolationForestMatchesScikitLearnsROCAUCOverFiveSeeds(file: String) throws {
        let set = try #require(try Self.reference().sets.first { $0.file == file })
        let data = try Self.prepare(file)
        func meanAUC(_ seeds: [UInt64]) throws -> Double {
            var sum = 0.0
            for seed in seeds {
                let forest = try IsolationForest.fit(data.training, seed: seed)
                #expect(forest.sampleSize == set.iforest.max_samples && forest.treeCount == 100)
                sum += try #require(Metrics.rocAUC(scores: try forest.scores(data.test), labels: data.labels))
            }
            return sum / Double(seeds.count)
        }
        // A seed moves the AUC by about 0.03 on these sets (the two libraries' seeds draw different
        // forests), so a mean over five seeds is known to about 0.015 only: scikit-learn's own
        // five-seed mean on vehicle lies 0.018 below its 100-seed mean. The check compares
        // aesh's five-seed mean with what scikit-learn's forest gives on average (its 100-seed mean) …
        let five = try meanAUC(set.iforest.runs.map { UInt64($0.seed) })
        #expect(abs(five - set.iforest.mean_roc_auc_100_seeds) < 0.02,
                "mean ROC AUC over 5 seeds \(five) vs scikit-learn's \(set.iforest.mean_roc_auc_100_seeds) over 100")
        // … and over 100 seeds each side, where a forest grown differently would show.
        let hundred = try meanAUC((0..<100).map { UInt64($0) })
        #expect(abs(hundred - set.iforest.mean_roc_auc_100_seeds) < 0.01,
                "mean ROC AUC over 100 seeds \(hundred) vs scikit-learn's \(set.iforest.mean_roc_auc_100_seeds)")
    }
}
