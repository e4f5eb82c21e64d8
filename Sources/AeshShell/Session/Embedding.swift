import AutoencoderKit

/// The last `tsne` result, kept for `plot tsne` and `export … what=embedding`. It carries the
/// source rows and labels of the rows it embeds, so it stays meaningful on its own.
public struct Embedding: Sendable {
    /// What was embedded.
    public enum Input: String, Sendable {
        case latent, input
    }

    /// Row indices into the session's data at the time, in embedding order.
    public var rows: [Int]
    /// The data rows of the loaded file (counted from 0) of those rows.
    public var sourceRows: [Int]
    /// The labels of those rows, when the data has labels.
    public var labels: [UInt8]?
    /// The identifiers of those rows, when the data was loaded with `id=COL`.
    public var ids: [String]? = nil
    /// `rows.count × dimensions` coordinates.
    public var coordinates: Matrix
    /// 2 or 3.
    public var dimensions: Int
    /// The latent codes or the scaled inputs.
    public var input: Input
    /// KL divergence of the final embedding.
    public var klDivergence: Double
    /// The gradient method used.
    public var method: TSNEMethod
    /// The perplexity used.
    public var perplexity: Double
    /// For latent codes: the training epoch whose weights encoded them.
    public var epochs: Int? = nil
}
