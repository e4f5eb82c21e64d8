/// A script's parameters, as papermill gives notebooks: `param epochs=20` declares one with its
/// default, `--param epochs=50` on the command line overrides it, and `${epochs}` in a later line
/// is replaced by the value in force.
public struct ScriptParameters: Sendable, Equatable {
    /// Declared parameters and their values in force, in declaration order.
    public private(set) var declared: [(name: String, value: String)] = []
    /// Values given with `--param`, which replace the defaults of the parameters they name.
    public private(set) var overrides: [String: String] = [:]

    /// No parameters.
    public init() {}

    /// `overrides` become the values of the parameters they name when those are declared.
    public init(overrides: [String: String]) { self.overrides = overrides }

    /// The value of `name`, if declared.
    public func value(of name: String) -> String? { declared.first { $0.name == name }?.value }

    /// Declares `name` with `defaultValue` (or re-declares it); returns the value in force.
    @discardableResult
    public mutating func declare(_ name: String, default defaultValue: String) -> String {
        let value = overrides[name] ?? defaultValue
        if let index = declared.firstIndex(where: { $0.name == name }) {
            declared[index].value = value
        } else {
            declared.append((name, value))
        }
        return value
    }

    /// Names that may be declared: letters, digits and `_`, not starting with a digit.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }

    /// `line` with each `${name}` replaced by its value; an undeclared name is an error naming it
    /// and the declared ones. `$` not followed by `{` is kept as it is.
    public func expand(_ line: String) throws -> String {
        guard line.contains("${") else { return line }
        var result = ""
        var rest = Substring(line)
        while let start = rest.range(of: "${") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                throw ShellError("\"${\" without a closing \"}\"")
            }
            let name = String(rest[start.upperBound..<end])
            guard let value = value(of: name) else {
                let known = declared.isEmpty ? "no parameters are declared (declare one with `param \(name)=VALUE`)"
                    : "the declared parameters are \(declared.map(\.name).joined(separator: ", "))"
                throw ShellError("${\(name)} is not a declared parameter: \(known)")
            }
            result += value
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }

    /// `param a=1 b=2` for `names`, with their values in force (quoted where needed).
    public func declarationLine(names: [String]) -> String {
        let words = names.map { name -> String in
            let value = self.value(of: name) ?? ""
            let plain = !value.isEmpty && value.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "._,:/+-%".unicodeScalars.contains($0) }
            if plain { return "\(name)=\(value)" }
            return value.contains("\"") ? "\(name)='\(value)'" : "\(name)=\"\(value)\""
        }
        return (["param"] + words).joined(separator: " ")
    }

    /// The names the `param` lines of a script declare, in order (lines that do not parse are
    /// left to the replay to report).
    public static func declaredNames(in lines: [ScriptLine]) -> [String] {
        var names: [String] = []
        for line in lines where !line.isProse {
            guard let invocation = try? Invocation.parse(line.text), invocation.name == "param" else { continue }
            for (name, _) in invocation.options where !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// Equal when the declared values and the overrides are.
    public static func == (a: ScriptParameters, b: ScriptParameters) -> Bool {
        a.overrides == b.overrides && a.declared.map(\.name) == b.declared.map(\.name) && a.declared.map(\.value) == b.declared.map(\.value)
    }
}
