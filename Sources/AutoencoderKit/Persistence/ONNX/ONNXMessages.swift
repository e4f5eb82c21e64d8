/// The few ONNX messages an exported autoencoder needs, each encoding itself with the field
/// numbers of onnx.proto (github.com/onnx/onnx, onnx/onnx.proto; proto2, so repeated numbers are
/// written unpacked, which every reader accepts).
enum ONNX {
    /// TensorProto.DataType values.
    enum ElementType: Int {
        case float = 1, bool = 9, double = 11
    }

    /// A constant (an initializer of the graph): TensorProto.
    struct Tensor {
        var name: String
        var dimensions: [Int]
        var type: ElementType
        /// The values' bytes, little-endian (`raw_data`).
        var raw: [UInt8]

        init(name: String, dimensions: [Int], floats: [Float]) {
            (self.name, self.dimensions, type, raw) = (name, dimensions, .float, LittleEndianBytes.of(floats))
        }

        init(name: String, dimensions: [Int], doubles: [Double]) {
            (self.name, self.dimensions, type, raw) = (name, dimensions, .double, LittleEndianBytes.of(doubles))
        }

        func encode(into writer: inout ProtobufWriter) {
            for dimension in dimensions { writer.int(1, dimension) }  // dims
            writer.int(2, type.rawValue)                               // data_type
            writer.string(8, name)                                     // name
            writer.bytes(9, raw)                                       // raw_data
        }
    }

    /// A node attribute: AttributeProto, of the two kinds the graph uses.
    struct Attribute {
        enum Value { case int(Int), ints([Int]) }
        var name: String
        var value: Value

        func encode(into writer: inout ProtobufWriter) {
            writer.string(1, name)                    // name
            switch value {
            case .int(let number):
                writer.int(3, number)                 // i
                writer.int(20, 2)                     // type = INT
            case .ints(let numbers):
                for number in numbers { writer.int(8, number) }  // ints
                writer.int(20, 7)                     // type = INTS
            }
        }
    }

    /// One operator application: NodeProto (default domain, ai.onnx).
    struct Node {
        var op: String
        var inputs: [String]
        var outputs: [String]
        var name: String
        var attributes: [Attribute] = []

        func encode(into writer: inout ProtobufWriter) {
            for input in inputs { writer.string(1, input) }     // input
            for output in outputs { writer.string(2, output) }  // output
            writer.string(3, name)                              // name
            writer.string(4, op)                                // op_type
            for attribute in attributes {                       // attribute
                writer.message(5) { attribute.encode(into: &$0) }
            }
        }
    }

    /// One dimension of a graph input or output: fixed or named (symbolic, like the row count).
    enum Dimension { case fixed(Int), named(String) }

    /// A graph input or output: ValueInfoProto with a tensor type.
    struct ValueInfo {
        var name: String
        var type: ElementType
        var shape: [Dimension]
        var documentation: String

        func encode(into writer: inout ProtobufWriter) {
            writer.string(1, name)                                    // name
            writer.message(2) { typeProto in                          // type: TypeProto
                typeProto.message(1) { tensor in                      // tensor_type
                    tensor.int(1, type.rawValue)                      // elem_type
                    tensor.message(2) { shapeProto in                 // shape: TensorShapeProto
                        for dimension in shape {
                            shapeProto.message(1) { dim in            // dim
                                switch dimension {
                                case .fixed(let size): dim.int(1, size)      // dim_value
                                case .named(let name): dim.string(2, name)   // dim_param
                                }
                            }
                        }
                    }
                }
            }
            writer.string(3, documentation)                           // doc_string
        }
    }

    /// The computation: GraphProto.
    struct Graph {
        var name: String
        var nodes: [Node]
        var initializers: [Tensor]
        var inputs: [ValueInfo]
        var outputs: [ValueInfo]
        var documentation: String

        func encode(into writer: inout ProtobufWriter) {
            for node in nodes { writer.message(1) { node.encode(into: &$0) } }            // node
            writer.string(2, name)                                                         // name
            for tensor in initializers { writer.message(5) { tensor.encode(into: &$0) } }  // initializer
            writer.string(10, documentation)                                               // doc_string
            for input in inputs { writer.message(11) { input.encode(into: &$0) } }         // input
            for output in outputs { writer.message(12) { output.encode(into: &$0) } }      // output
        }
    }

    /// The file: ModelProto.
    struct Model {
        /// The IR version that goes with `opset` (IR 7 is the one of opset 13).
        var irVersion: Int
        var opset: Int
        var producerName: String
        var producerVersion: String
        var documentation: String
        var graph: Graph
        /// metadata_props, in order.
        var metadata: [(key: String, value: String)]

        func encoded() -> [UInt8] {
            var writer = ProtobufWriter()
            writer.int(1, irVersion)                                 // ir_version
            writer.string(2, producerName)                           // producer_name
            writer.string(3, producerVersion)                        // producer_version
            writer.string(6, documentation)                          // doc_string
            writer.message(7) { graph.encode(into: &$0) }            // graph
            writer.message(8) { opsetProto in                        // opset_import
                opsetProto.string(1, "")                             // domain: ai.onnx
                opsetProto.int(2, opset)                             // version
            }
            for entry in metadata {                                  // metadata_props
                writer.message(14) { property in
                    property.string(1, entry.key)
                    property.string(2, entry.value)
                }
            }
            return writer.bytes
        }
    }
}
