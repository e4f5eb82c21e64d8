import Foundation
import AutoencoderKit

extension CommandSpec {
    /// `tsne`: a 2-D or 3-D t-SNE map of the latent codes or of the inputs.
    static let tsne = CommandSpec(
        name: "tsne",
        summary: "embed the latent codes (or the inputs) in 2-D or 3-D with t-SNE",
        details: """
        t-SNE places similar rows close together: each row's neighbours in the original space get
        Gaussian weights whose width is set so that it has about `perplexity` effective neighbours,
        and the map is moved by gradient descent until its Student-t neighbourhoods match (the KL
        divergence reported at the end; lower is better). on=latent (default) maps the encoder's
        bottleneck codes, which is how one sees whether the autoencoder keeps normal rows and
        anomalies apart; on=input maps the scaled inputs. It starts from the first principal
        components (init=pca) or seeded noise, exaggerates attraction ×12 for the first 250
        iterations, and uses a learning rate of max(N / 48, 50) unless learning-rate= is given.
        method=exact sums over all pairs (default up to 1,000 rows); the others keep only the
        affinities of the 3·perplexity nearest neighbours: method=bh approximates the repulsion
        with Barnes–Hut, θ = 0.5, on a quadtree or octree (default above 1,000 rows); method=fft
        interpolates it on a grid and convolves with FFTs (FIt-SNE; 2-D only; default above
        30,000 rows in 2-D, where its cost grows more slowly than Barnes–Hut's; on 1,000 rows or
        fewer it runs exact, which costs less than its grid there). rows=N embeds a
        seeded sample of N rows (at most 30,000 rows are embedded unless rows= says otherwise).
        Ctrl-C stops it and keeps the embedding so far. See it with `plot tsne`; save it with
        `export PATH what=embedding`.
        """,
        example: "tsne on=latent dims=2 perplexity=30 seed=42",
        keys: TSNEKeys.self
    ) { arguments, session, context in
        try TSNECommand.run(arguments, &session, context)
    }
}

/// The keys of `tsne`.
struct TSNEKeys: KeySet {
    let on = Key.choice("on", "the bottleneck codes or the scaled inputs", default: "latent", from: ["latent", "input"])
    let dims = Key.integer("dims", "embedding dimensions", default: 2, in: 2...3)
    let perplexity = Key.number("perplexity", "effective neighbours per row", default: 30, in: 0...1e6, excluding: [.lower])
    let iterations = Key.integer("iterations", "gradient-descent steps", default: 1000, in: 1...1_000_000)
    let method = Key.choice("method", "gradient method (auto: exact up to 1,000 rows, bh up to 30,000, fft above in 2-D)",
                            default: "auto", from: TSNECommand.methods)
    let rows = OptionalKey.integer("rows", "embed a seeded sample of N rows", in: 3...50_000_000,
                                   absent: "all, at most \(Format.count(TSNECommand.defaultRowLimit))")
    let learningRate = Key.number("learning-rate", "step size; auto = max(N / 48, 50)", orWord: "auto",
                                  in: 0...1e9, excluding: [.lower])
    let initialization = Key<TSNEInitialization>.choice("init", "starting positions", default: .pca)
    let seed = OptionalKey.seed("random seed for sampling and init=random")
}

/// The work of `tsne`, apart from its declaration.
enum TSNECommand {
    static let methods = ["auto", "exact", "bh", "fft"]
    static let defaultRowLimit = 30_000

    /// "30" rather than "30.000".
    static func perplexityText(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : Format.number(value, digits: 3)
    }

    static func run(_ arguments: KeyedArguments<TSNEKeys>, _ session: inout Session, _ context: CommandContext) throws {
        let data = try session.requireData()
        let input = Embedding.Input(rawValue: try arguments.value(\.on)) ?? .latent
        var options = TSNEOptions()
        options.dimensions = try arguments.value(\.dims)
        options.perplexity = try arguments.value(\.perplexity)
        options.iterations = try arguments.value(\.iterations)
        options.method = TSNEMethod(rawValue: try arguments.value(\.method))
        options.initialization = try arguments.value(\.initialization)
        if let rate = try arguments.value(\.learningRate) { options.learningRate = rate }
        let seed = try arguments.value(\.seed, or: session.settings.seed)
        options.seed = seed
        let requested = try arguments.value(\.rows)
        let console = context.console

        var rows = Array(0..<data.rowCount)
        let wanted = requested ?? defaultRowLimit
        if wanted < rows.count {
            var generator = SeededGenerator(seed: seed)
            generator.shuffle(&rows)
            rows = Array(rows.prefix(wanted)).sorted()
            console.line("embedding a seeded sample of \(Format.count(wanted)) of \(Format.count(data.rowCount)) rows (seed \(seed))" +
                         (requested == nil ? "; rows=N chooses another size" : ""))
        }
        var points = try session.modelInputs(from: data, rows: rows)
        if input == .latent {
            guard let network = session.network else {
                throw ShellError("on=latent needs a model: train one with `train` or open one with `open PATH`, or use on=input")
            }
            points = network.encode(points)
            if let count = session.model?.networks.count, count > 1 {
                console.line("on=latent: the codes of the first of the ensemble's \(count) networks (each has its own)")
            }
        }
        do { try TSNE.validate(points, options) } catch let error as TSNEError { throw ShellError(error.description) }
        let resolved = options.resolvedMethod(count: rows.count)
        if options.method == .fft, resolved != .fft {
            console.line("method=fft's grid costs more than the exact sums on \(Format.count(TSNEOptions.exactUpTo)) rows or fewer: using method \(resolved.rawValue)")
        }
        console.line("t-SNE of \(Format.count(rows.count)) rows × \(Format.counted(points.columns, input == .latent ? "latent column" : "input column")) → \(options.dimensions)-D, perplexity \(perplexityText(options.perplexity)), method \(resolved.rawValue)")

        InterruptFlag.install()
        InterruptFlag.clear()
        let result: TSNEResult
        do {
            result = try TSNE.embed(points, options: options, shouldStop: { InterruptFlag.isSet }) { iteration, kl in
                if let kl, iteration % 250 == 0, iteration < options.iterations {
                    console.line("  iteration \(iteration): KL \(Format.number(kl, digits: 4))")
                }
            }
        } catch let error as TSNEError {
            InterruptFlag.clear()
            throw ShellError(error.description)
        }
        InterruptFlag.clear()
        if result.stoppedEarly && result.iterations == 0 {
            throw ShellError("interrupted before the first iteration; the session is unchanged")
        }
        session.embedding = Embedding(
            rows: rows, sourceRows: rows.map { data.sourceRows.indices.contains($0) ? data.sourceRows[$0] : $0 },
            labels: data.labels.map { labels in rows.map { labels.indices.contains($0) ? labels[$0] : 0 } },
            ids: data.rowIds.map { ids in rows.map { ids.indices.contains($0) ? ids[$0] : "" } },
            coordinates: result.embedding, dimensions: options.dimensions, input: input,
            klDivergence: result.klDivergence, method: result.method, perplexity: options.perplexity,
            epochs: input == .latent ? session.model?.weightsEpoch?.epoch : nil)
        if result.stoppedEarly {
            console.line("interrupted at iteration \(result.iterations) of \(options.iterations); kept the embedding so far (KL \(Format.number(result.klDivergence, digits: 4)))")
            // The iterations do not depend on how many follow, so the kept map is that of a shorter run.
            context.replay(as: arguments.base.invocation.setting("iterations", to: String(result.iterations)).line)
        } else {
            if result.exaggeratedIterations < min(options.exaggerationIterations, result.iterations) {
                console.line("early exaggeration ended at iteration \(result.exaggeratedIterations) of \(options.exaggerationIterations): the map had stopped moving (its gradient fell below \(options.minimumGradientNorm), scikit-learn's rule)")
            }
            if result.converged {
                console.line("stopped at iteration \(result.iterations) of \(options.iterations): the gradient fell below \(options.minimumGradientNorm)")
            }
            console.line("embedded \(Format.count(rows.count)) rows in \(options.dimensions)-D: KL \(Format.number(result.klDivergence, digits: 4)) after \(Format.counted(result.iterations, "iteration")); see it with `plot tsne`")
        }
    }
}
