import Foundation

/// What a t-SNE run produced.
public struct TSNEResult: Sendable {
    /// `count × dimensions` coordinates, one row per input row.
    public var embedding: Matrix
    /// KL(P ‖ Q) of the final embedding (P not exaggerated).
    public var klDivergence: Double
    /// Iterations done.
    public var iterations: Int
    /// The gradient method used.
    public var method: TSNEMethod
    /// Whether `shouldStop` ended the run before all iterations.
    public var stoppedEarly: Bool
    /// The iterations done with early exaggeration: `TSNEOptions.exaggerationIterations`, or
    /// fewer when the map stopped moving first (see `TSNEOptions.minimumGradientNorm`).
    public var exaggeratedIterations: Int = 0
    /// Whether the run ended before its iterations because the gradient fell to
    /// `TSNEOptions.minimumGradientNorm` after early exaggeration.
    public var converged = false
}

/// t-SNE (van der Maaten & Hinton, 2008) with the stages of openTSNE: nearest neighbours,
/// affinities, initialisation, and gradient descent with an exchangeable gradient method.
public enum TSNE {
    /// The most points `method=exact` accepts (it holds the N × N affinity matrix).
    public static let exactLimit = 5_000

    /// The most neighbour entries (N × 3 · perplexity) the approximate methods hold, 4 GB's
    /// worth: beyond this an allocation would fail and trap.
    static let maximumNeighbours = 50_000_000

    /// Embeds the rows of `data`. `shouldStop` is polled every iteration; `onIteration(i, kl)`
    /// reports iteration i (from 1), with the KL divergence every `klInterval` iterations.
    public static func embed(_ data: Matrix, options: TSNEOptions, shouldStop: () -> Bool = { false },
                             onIteration: (Int, Double?) -> Void = { _, _ in }) throws -> TSNEResult {
        let n = data.rows, dims = options.dimensions
        try validate(data, options)
        let method = options.resolvedMethod(count: n)
        guard var gradientMethod = try makeGradientMethod(method, data: data, options: options, shouldStop: shouldStop) else {
            // Stopped while finding neighbours: nothing was embedded.
            return TSNEResult(embedding: Matrix(rows: n, columns: dims), klDivergence: .nan, iterations: 0,
                              method: method, stoppedEarly: true)
        }
        var generator = SeededGenerator(seed: options.seed)
        var y = Initialization.embedding(for: data, dimensions: dims, method: options.initialization,
                                         generator: &generator)
        let rate = options.learningRate ?? max(Double(n) / options.earlyExaggeration / 4, 50)
        var optimizer = Optimizer(count: n, dimensions: dims, maximumStep: options.maximumStep)
        var gradient = [Double](repeating: 0, count: n * dims)
        var done = 0, stopped = false, converged = false
        var exaggerationEnd = options.exaggerationIterations
        for iteration in 0..<options.iterations {
            if shouldStop() { stopped = true; break }
            let early = iteration < exaggerationEnd
            if iteration == exaggerationEnd { optimizer.reset() }
            let wantKL = (iteration + 1) % max(1, options.klInterval) == 0
            let kl = gradientMethod.gradient(of: y, exaggeration: early ? options.earlyExaggeration : 1,
                                             into: &gradient, computeKL: wantKL).map(nonNegative)
            let norm = optimizer.step(&y, gradient: gradient, learningRate: rate,
                                      momentum: early ? options.momentum.early : options.momentum.late)
            done = iteration + 1
            onIteration(done, kl)
            // scikit-learn's check: a phase ends when its gradient has vanished.
            if (iteration + 1) % max(1, options.convergenceCheckInterval) == 0, norm <= options.minimumGradientNorm {
                if early {
                    exaggerationEnd = iteration + 1
                } else {
                    converged = true
                    break
                }
            }
        }
        let kl = gradientMethod.gradient(of: y, exaggeration: 1, into: &gradient, computeKL: true).map(nonNegative) ?? .nan
        guard y.allSatisfy(\.isFinite) else {
            throw TSNEError("t-SNE diverged (coordinates became infinite or NaN); try a smaller learning-rate")
        }
        let embedding = Matrix(rows: n, columns: dims, values: y.map { Float($0) }) ?? Matrix(rows: n, columns: dims)
        return TSNEResult(embedding: embedding, klDivergence: kl, iterations: done, method: method, stoppedEarly: stopped,
                          exaggeratedIterations: min(done, exaggerationEnd), converged: converged)
    }

    /// A KL divergence is never below zero: a computed value below it (a map that matches P, such as
    /// identical rows, gives Σ p log p − Σ p log q ≈ 0) is rounding, and reads as 0. NaN stays NaN.
    static func nonNegative(_ kl: Double) -> Double { kl < 0 ? 0 : kl }

    /// The affinities and gradient method for `method`; nil when `shouldStop` ended the
    /// neighbour search.
    static func makeGradientMethod(_ method: TSNEMethod, data: Matrix, options: TSNEOptions,
                                   shouldStop: () -> Bool = { false }) throws -> GradientMethod? {
        switch method {
        case .exact:
            return ExactGradient(p: DenseAffinities.compute(data, perplexity: options.perplexity),
                                 dimensions: options.dimensions)
        case .barnesHut:
            guard let p = sparseAffinities(data, options, shouldStop: shouldStop) else { return nil }
            return BarnesHutGradient(p: p, dimensions: options.dimensions,
                                     theta: options.theta)
        case .fft:
            guard let p = sparseAffinities(data, options, shouldStop: shouldStop) else { return nil }
            return FFTGradient(p: p, interpolationPoints: options.interpolationPoints,
                               minimumIntervals: options.minimumIntervals, intervalWidth: options.intervalWidth)
        }
    }

    /// P over the 3 · perplexity nearest neighbours, for the approximate methods.
    static func sparseAffinities(_ data: Matrix, _ options: TSNEOptions) -> SparseAffinities {
        sparseAffinities(data, options, shouldStop: { false }) ?? SparseAffinities.compute(
            NearestNeighbors(indices: [], squaredDistances: [], k: 0), count: 0, perplexity: options.perplexity)
    }

    /// The same, nil when `shouldStop` ended the neighbour search.
    static func sparseAffinities(_ data: Matrix, _ options: TSNEOptions, shouldStop: () -> Bool) -> SparseAffinities? {
        let k = neighborCount(count: data.rows, perplexity: options.perplexity)
        guard let neighbors = NearestNeighbors.exact(data, k: k, shouldStop: shouldStop) else { return nil }
        return SparseAffinities.compute(neighbors, count: data.rows,
                                        perplexity: options.perplexity)
    }

    /// The number of neighbours the approximate methods keep: 3 · perplexity, at most N − 1.
    static func neighborCount(count: Int, perplexity: Double) -> Int {
        min(count - 1, Int((3 * perplexity).rounded(.up)))
    }

    /// Throws the error `embed` would throw for `data` and `options` before doing any work, so a
    /// caller can refuse before it says what it will do.
    public static func validate(_ data: Matrix, _ options: TSNEOptions) throws {
        let n = data.rows
        guard options.dimensions == 2 || options.dimensions == 3 else {
            throw TSNEError("dims must be 2 or 3, got \(options.dimensions)")
        }
        guard n >= 3 else { throw TSNEError("t-SNE needs at least 3 rows, got \(n)") }
        guard data.columns > 0 else { throw TSNEError("t-SNE needs at least one column") }
        guard data.isFinite else { throw TSNEError("the data holds infinite or NaN values") }
        guard options.perplexity > 0, options.perplexity.isFinite else {
            throw TSNEError("perplexity must be positive, got \(options.perplexity)")
        }
        guard options.perplexity < Double(n - 1) else {
            throw TSNEError("perplexity must be less than the number of rows − 1 (\(n - 1)), got \(options.perplexity)")
        }
        guard options.iterations >= 0 else { throw TSNEError("iterations must not be negative") }
        if let rate = options.learningRate, !(rate > 0 && rate.isFinite) {
            throw TSNEError("learning-rate must be positive, got \(rate)")
        }
        guard options.earlyExaggeration > 0, options.earlyExaggeration.isFinite, options.exaggerationIterations >= 0,
              options.theta >= 0, options.theta.isFinite, (1...9).contains(options.interpolationPoints),
              options.minimumIntervals >= 1, options.intervalWidth > 0, options.intervalWidth.isFinite,
              options.maximumStep >= 0, options.momentum.early >= 0, options.momentum.late >= 0,
              options.minimumGradientNorm >= 0, options.convergenceCheckInterval >= 1
        else { throw TSNEError("t-SNE settings out of range (exaggeration, θ, grid, momentum or convergence check)") }
        let method = options.resolvedMethod(count: n)
        if method == .exact, n > exactLimit {
            throw TSNEError("method=exact holds an N × N matrix and takes at most \(exactLimit) rows, got \(n): use method=bh or method=fft")
        }
        if method != .exact || options.method == .fft {
            // The neighbour search computes squared distances in Float through sgemm: they must
            // not overflow, or every affinity becomes NaN and the run "diverges" for no visible reason.
            let largest = data.values.reduce(Float(0)) { max($0, abs($1)) }
            let bound = (Double(Float.greatestFiniteMagnitude) / Double(4 * data.columns)).squareRoot() / 2
            guard Double(largest) <= bound else {
                throw TSNEError("values as large as \(largest) overflow the neighbour search's squared distances (at most about \(Float(bound)) here): scale the data first (scale standard) or use method=exact")
            }
        }
        if method != .exact {
            // The neighbour lists, P and its symmetrised copies take about 80 bytes a neighbour.
            let k = neighborCount(count: n, perplexity: options.perplexity)
            let gigabytes = Double(n) * Double(k) * 80 / 1e9
            guard Double(n) * Double(k) <= Double(maximumNeighbours) else {
                throw TSNEError("perplexity \(options.perplexity) keeps \(k) neighbours for each of \(n) rows, about \(Int(gigabytes.rounded(.up))) GB, more than the \(maximumNeighbours * 80 / 1_000_000_000) GB t-SNE allows: choose a smaller perplexity or fewer rows")
            }
        }
        if options.method == .fft || method == .fft, options.dimensions != 2 {
            throw TSNEError("method=fft embeds in 2-D only: use method=bh for dims=3")
        }
    }
}
