/// How t-SNE computes the repulsive part of its gradient.
public enum TSNEMethod: String, Sendable, CaseIterable {
    /// All N² pairs: exact, for up to a few thousand points.
    case exact
    /// Barnes–Hut: far cells of a quadtree (2-D) or octree (3-D) act as one point.
    case barnesHut = "bh"
    /// FIt-SNE: the kernel sums interpolated on a grid and convolved with an FFT (2-D only).
    case fft
}

/// How the embedding starts.
public enum TSNEInitialization: String, Sendable, CaseIterable {
    /// The first principal components, scaled so that the first has standard deviation 1e-4.
    case pca
    /// Independent normal coordinates with standard deviation 1e-4.
    case random
}

/// The settings of one t-SNE run; the defaults are those of the reference implementations.
public struct TSNEOptions: Sendable {
    /// Embedding dimensions, 2 or 3.
    public var dimensions = 2
    /// The effective number of neighbours each point's Gaussian covers.
    public var perplexity = 30.0
    /// Gradient-descent iterations in all, early exaggeration included.
    public var iterations = 1000
    /// The gradient method; nil picks one from the number of points and dimensions.
    public var method: TSNEMethod?
    /// The step size; nil means max(N / exaggeration / 4, 50).
    public var learningRate: Double?
    /// How the embedding starts.
    public var initialization = TSNEInitialization.pca
    /// The seed for everything random (random initialisation).
    public var seed: UInt64 = 0
    /// P is multiplied by this during the first `exaggerationIterations`.
    public var earlyExaggeration = 12.0
    /// How long the early exaggeration lasts at most (see `minimumGradientNorm`).
    public var exaggerationIterations = 250
    /// Every `convergenceCheckInterval` iterations the norm of the step's gradient (each
    /// coordinate's gain times its gradient) is compared with this, as scikit-learn's
    /// `min_grad_norm` is: at or below it, early exaggeration ends there, or after it the run
    /// does. An exaggerated map of data without clusters contracts until nothing moves (its
    /// gradient shrinks with its size); scikit-learn then goes on without exaggeration, and the
    /// map expands. Without the check the contraction went on for all 250 iterations, to
    /// coordinates of 1e-18, and runs shorter than about 350 iterations returned a collapsed map.
    /// 0 turns the check off.
    public var minimumGradientNorm = 1e-7
    /// How often the gradient norm is checked (scikit-learn's `n_iter_check`).
    public var convergenceCheckInterval = 50
    /// Momentum during early exaggeration, then after it.
    public var momentum = (early: 0.5, late: 0.8)
    /// Barnes–Hut opening angle: a cell counts as one point when its width / distance < θ.
    public var theta = 0.5
    /// FFT: interpolation nodes per grid interval. FIt-SNE uses 3; on the 10,000-row benchmark
    /// data 3 nodes per unit-wide interval left the final KL 3.5 % above openTSNE's (the gradient
    /// of a converged embedding off by 2.6 times its norm), and 5 brought it within 0.1 %
    /// (off by 0.27, less than Barnes–Hut's 0.47 at θ = 0.5).
    public var interpolationPoints = 5
    /// FFT: the fewest grid intervals per dimension (FIt-SNE uses 50; 25 is what a 256-point FFT
    /// holds with 5 nodes per interval, and a small embedding's grid grows to fill its FFT).
    public var minimumIntervals = 25
    /// FFT: the widest grid interval, in embedding units.
    public var intervalWidth = 1.0
    /// No point moves further than this in one step (openTSNE's max_step_norm).
    public var maximumStep = 5.0
    /// The KL divergence is computed every this many iterations (and at the end).
    public var klInterval = 50

    /// The defaults.
    public init() {}

    /// Above this many points a 2-D embedding uses the FFT method when none is chosen.
    ///
    /// Measured on the benchmark data (64-D rows, 1,000 iterations, 2-core machine): Barnes–Hut
    /// took 15.5 s at 10,000 rows against the FFT method's 45.5 s (its grid costs about the same
    /// whatever the number of points), 54.5 against 55.9 s at 30,000, and 115 against 90 s at
    /// 60,000; the final KL divergences agreed within 0.4 %. Since Barnes–Hut's loops run in the
    /// AVX-512 build of the kernels module where the processor has it, it took 35 s at 30,000 rows
    /// there and 96 against the FFT method's 108 s at 60,000; the limit stays where the portable
    /// build, no faster than before, needs it, so that `auto` means the same on every processor.
    public static let fftAbove = 30_000

    /// Up to this many points the exact method is used when none is chosen, and in place of the
    /// FFT method when that is chosen: its sums over all N² pairs (10⁶ at 1,000 points) cost
    /// less than one pass over the FFT method's smallest grid (256², whatever N), and that grid
    /// grows with the embedding's extent, which few points spread far (5 rows took 3 minutes and
    /// ended with a negative KL: Z = grid total − N lost its few pairs to interpolation error).
    public static let exactUpTo = 1_000

    /// The method used for `count` points: the chosen one (except FFT up to `exactUpTo` points,
    /// which runs exact), or when none is chosen exact up to `exactUpTo` points, then
    /// Barnes–Hut, and FFT above `fftAbove` points in 2-D.
    public func resolvedMethod(count: Int) -> TSNEMethod {
        if method == .fft, count <= Self.exactUpTo { return .exact }
        if let method { return method }
        if count <= Self.exactUpTo { return .exact }
        return dimensions == 2 && count > Self.fftAbove ? .fft : .barnesHut
    }
}

/// Why t-SNE could not run.
public struct TSNEError: Error, CustomStringConvertible, Equatable {
    /// What was wrong.
    public let description: String

    init(_ description: String) { self.description = description }
}
