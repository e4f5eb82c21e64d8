/// A batch flowing through the network: `activation(0)` is the input batch and `activation(l + 1)`
/// the output of layer `l`, each `width × stride` feature-major (see `DenseKernel`), allocated once.
///
/// The trainer keeps the activations for the backward pass; inference reuses the same buffers
/// chunk after chunk.
final class ForwardPass {
    let layout: ParameterLayout
    /// Rows the buffers hold.
    let capacity: Int
    /// Distance between consecutive features of a batch: the capacity padded so that it is an odd
    /// multiple of 8 floats. A power-of-two distance (512 rows = 2 KiB) would put every feature of
    /// a row in the same few cache sets, and the transposing copies in and out would thrash.
    let stride: Int
    let kernels: [AnyLayerKernel]
    /// The compilation of the batch loops the kernels, the row copies and the loss run.
    let loops: BatchKernelVariant
    /// The flat weights and biases the kernels read (see `ParameterLayout`).
    var parameters: FloatBuffer
    private let activations: FloatBuffer
    private let offsets: [Int]

    /// Buffers for up to `capacity` rows of a model that passed `validate()`.
    init(model: Autoencoder, capacity: Int, blasThreshold: Int = DenseKernel.defaultBLASThreshold,
         loops: BatchKernelVariant = .selected) {
        self.loops = loops
        let capacity = max(capacity, 1)
        self.capacity = capacity
        let rounded = (capacity + 7) / 8 * 8
        let stride = rounded % 16 == 0 ? rounded + 8 : rounded
        self.stride = stride
        layout = ParameterLayout(model)
        kernels = layout.templates.map {
            AnyLayerKernel($0, capacity: capacity, stride: stride, blasThreshold: blasThreshold, loops: loops)
        }
        parameters = FloatBuffer(count: layout.count)
        layout.pack(model, into: parameters.pointer)
        let widths = [layout.layers.first?.inputs ?? 0] + layout.layers.map(\.outputs)
        var running = 0
        offsets = widths.map { width in
            defer { running += width * stride }
            return running
        }
        activations = FloatBuffer(count: running)
    }

    /// Width of the network input (and of its reconstruction).
    var inputWidth: Int { layout.layers.first?.inputs ?? 0 }

    /// The activations entering layer `index` (0 is the input batch; `layers.count` the output).
    func activation(_ index: Int) -> UnsafeMutablePointer<Float> { activations.pointer + offsets[index] }

    /// Copies `count` rows of row-major `data`, the rows named by `indices`, into the input batch.
    func loadRows(from data: UnsafePointer<Float>, indices: UnsafePointer<Int>, count: Int) {
        loops.kernels.gather(from: data, width: inputWidth, indices: indices, count: count, into: activation(0), stride: stride)
    }

    /// Copies `count` consecutive rows of row-major `data`, from `firstRow`, into the input batch.
    func loadRows(from data: UnsafePointer<Float>, firstRow: Int, count: Int) {
        loops.kernels.gather(from: data, width: inputWidth, firstRow: firstRow, count: count, into: activation(0), stride: stride)
    }

    /// Copies the first `rows` rows of layer `index`'s activations, row-major, to `target`.
    func copyRows(ofActivation index: Int, rows: Int, into target: UnsafeMutablePointer<Float>) {
        let width = index == 0 ? inputWidth : layout.layers[index - 1].outputs, a = activation(index)
        for r in 0..<rows {
            for j in 0..<width { target[r * width + j] = a[j * stride + r] }
        }
    }

    /// Runs layers `0...lastLayer` on the first `rows` rows of the input batch, in `mode`.
    func run(rows: Int, through lastLayer: Int, mode: LayerMode = .inference) {
        guard lastLayer >= 0 else { return }
        let p = UnsafePointer(parameters.pointer)
        for l in 0...lastLayer {
            kernels[l].forward(x: activation(l), rows: rows, parameters: p + layout.layers[l].offset,
                               y: activation(l + 1), mode: mode)
        }
    }

    /// Σ (reconstruction − input)² over the `count` rows of row-major `data` named by `indices`,
    /// run through the buffers chunk by chunk.
    func squaredError(data: UnsafePointer<Float>, indices: UnsafePointer<Int>, count: Int) -> Double {
        var sum = 0.0, first = 0
        while first < count {
            let rows = min(capacity, count - first)
            loadRows(from: data, indices: indices + first, count: rows)
            run(rows: rows, through: layout.layers.count - 1)
            sum += squaredError(rows: rows)
            first += rows
        }
        return sum
    }

    /// Σ (reconstruction − input)² over the first `rows` rows, accumulated in Double; when
    /// `gradient` is given, also writes dL/dy = 2 (y − x) / (gradientRows · features) there
    /// (feature-major); `gradientRows` is the whole batch's row count when these rows are part of it.
    func squaredError(rows: Int, gradient: UnsafeMutablePointer<Float>? = nil, gradientRows: Int? = nil) -> Double {
        let scale = 2 / Float(max((gradientRows ?? rows) * inputWidth, 1))
        return loops.kernels.squaredError(y: activation(layout.layers.count), x: activation(0), stride: stride, rows: rows,
                                  width: inputWidth, gradient: gradient, scale: scale)
    }
}

extension Autoencoder {
    /// Rows per forward chunk outside training: small enough to stay in cache.
    static let inferenceChunkRows = 512

    /// Outside training every layer runs the SIMD loops, never sgemm: the loops compute each row
    /// with the same operations in the same order whatever else is in the batch, so a row's numbers
    /// do not depend on how many rows share its chunk or where it sits in it. OpenBLAS's sgemm
    /// (0.3.21, one thread) gives a column other bits when the call has another column count or
    /// the column another position (measured on 64 → 32: most outputs of a 512-column call
    /// differ when the columns are shifted by one), which would make `errors` on a table, a
    /// streamed file scored 512 rows at a time and a live stream scored one row at a time disagree.
    static let inferenceBLASThreshold = Int.max

    /// Runs the network over `data` (the rows in `range`, or all) chunk by chunk through layer
    /// `lastLayer`, handing `body` each chunk's first row, its row count and the pass holding its
    /// activations.
    func forEachChunk(
        of data: Matrix, rows range: Range<Int>? = nil, through lastLayer: Int,
        _ body: (_ firstRow: Int, _ rows: Int, _ pass: ForwardPass) -> Void
    ) {
        precondition(data.columns == inputSize, "data has \(data.columns) columns, the model expects \(inputSize)")
        // The kernels trust these shapes with raw pointers: a model that was never validated
        // must stop here rather than read past its buffers.
        precondition(layers.indices.allSatisfy { l in
            layers[l].inputs > 0 && layers[l].outputs > 0 && layers[l].layer.hasConsistentParameters
                && (l == 0 || layers[l - 1].outputs == layers[l].inputs)
        } && layers.last?.outputs == inputSize, "the model's layer sizes do not chain; call validate() first")
        let range = (range ?? 0..<data.rows).clamped(to: 0..<data.rows)
        guard !range.isEmpty, !layers.isEmpty else { return }
        let pass = ForwardPass(model: self, capacity: min(range.count, Self.inferenceChunkRows),
                               blasThreshold: Self.inferenceBLASThreshold)
        data.values.withUnsafeBufferPointer { values in
            guard let base = values.baseAddress else { return }
            var first = range.lowerBound
            while first < range.upperBound {
                let rows = min(pass.capacity, range.upperBound - first)
                pass.loadRows(from: base, firstRow: first, count: rows)
                pass.run(rows: rows, through: lastLayer)
                body(first, rows, pass)
                first += rows
            }
        }
    }
}
