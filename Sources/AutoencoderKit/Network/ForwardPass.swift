/// A batch flowing through the network: `activation(0)` is the input batch and `activation(l + 1)`
/// the output of layer `l`, each `width × capacity` feature-major (see `DenseKernel`), allocated once.
///
/// The trainer keeps the activations for the backward pass; inference reuses the same buffers
/// chunk after chunk.
final class ForwardPass {
    let layout: ParameterLayout
    /// Rows the buffers hold, and the distance between consecutive features of a batch.
    let capacity: Int
    let kernels: [DenseKernel]
    /// The flat weights and biases the kernels read (see `ParameterLayout`).
    var parameters: FloatBuffer
    private let activations: FloatBuffer
    private let offsets: [Int]

    /// Buffers for up to `capacity` rows of a model that passed `validate()`.
    init(model: Autoencoder, capacity: Int, blasThreshold: Int = DenseKernel.defaultBLASThreshold) {
        let capacity = max(capacity, 1)
        self.capacity = capacity
        layout = ParameterLayout(model)
        kernels = layout.layers.map {
            DenseKernel(inputs: $0.inputs, outputs: $0.outputs, activation: $0.activation,
                        capacity: capacity, blasThreshold: blasThreshold)
        }
        parameters = FloatBuffer(count: layout.count)
        layout.pack(model, into: parameters.pointer)
        let widths = [layout.layers.first?.inputs ?? 0] + layout.layers.map(\.outputs)
        var running = 0
        offsets = widths.map { width in
            defer { running += width * capacity }
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
        let width = inputWidth, x = activation(0)
        for k in 0..<count {
            let row = data + indices[k] * width
            for i in 0..<width { x[i * capacity + k] = row[i] }
        }
    }

    /// Copies `count` consecutive rows of row-major `data`, from `firstRow`, into the input batch.
    func loadRows(from data: UnsafePointer<Float>, firstRow: Int, count: Int) {
        let width = inputWidth, x = activation(0)
        for k in 0..<count {
            let row = data + (firstRow + k) * width
            for i in 0..<width { x[i * capacity + k] = row[i] }
        }
    }

    /// Copies the first `rows` rows of layer `index`'s activations, row-major, to `target`.
    func copyRows(ofActivation index: Int, rows: Int, into target: UnsafeMutablePointer<Float>) {
        let width = index == 0 ? inputWidth : layout.layers[index - 1].outputs, a = activation(index)
        for r in 0..<rows {
            for j in 0..<width { target[r * width + j] = a[j * capacity + r] }
        }
    }

    /// Runs layers `0...lastLayer` on the first `rows` rows of the input batch.
    func run(rows: Int, through lastLayer: Int) {
        guard lastLayer >= 0 else { return }
        let p = UnsafePointer(parameters.pointer)
        for l in 0...lastLayer {
            let place = layout.layers[l]
            kernels[l].forward(x: activation(l), rows: rows, weights: p + place.weightOffset,
                               bias: p + place.biasOffset, y: activation(l + 1))
        }
    }

    /// Σ (reconstruction − input)² over the first `rows` rows, accumulated in Double; when
    /// `gradient` is given, also writes dL/dy = 2 (y − x) / (rows · features) there (feature-major).
    func squaredError(rows: Int, gradient: UnsafeMutablePointer<Float>? = nil) -> Double {
        let x = activation(0), y = activation(layout.layers.count)
        let scale = 2 / Float(max(rows * inputWidth, 1))
        var sum = 0.0
        for i in 0..<inputWidth {
            sum += BatchMath.squaredDifference(y + i * capacity, x + i * capacity, count: rows,
                                               gradient: gradient.map { $0 + i * capacity }, scale: scale)
        }
        return sum
    }
}

extension Autoencoder {
    /// Rows per forward chunk outside training: large enough for sgemm, small enough to stay in cache.
    static let inferenceChunkRows = 512

    /// Runs the network over `data` chunk by chunk through layer `lastLayer`, handing `body` each
    /// chunk's first row, its row count and the pass holding its activations.
    func forEachChunk(of data: Matrix, through lastLayer: Int, _ body: (_ firstRow: Int, _ rows: Int, _ pass: ForwardPass) -> Void) {
        precondition(data.columns == inputSize, "data has \(data.columns) columns, the model expects \(inputSize)")
        guard data.rows > 0, !layers.isEmpty else { return }
        let pass = ForwardPass(model: self, capacity: min(data.rows, Self.inferenceChunkRows))
        data.values.withUnsafeBufferPointer { values in
            guard let base = values.baseAddress else { return }
            var first = 0
            while first < data.rows {
                let rows = min(pass.capacity, data.rows - first)
                pass.loadRows(from: base, firstRow: first, count: rows)
                pass.run(rows: rows, through: lastLayer)
                body(first, rows, pass)
                first += rows
            }
        }
    }
}
