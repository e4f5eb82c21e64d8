extension CommandSpec {
    /// `param NAME=VALUE …`: declare a script's parameters with their defaults.
    static let param: CommandSpec = {
        var spec = CommandSpec(
            name: "param",
            summary: "declare script parameters with defaults; ${NAME} expands in later lines",
            operands: "NAME=VALUE …",
            details: """
            Declares parameters of a script, as papermill gives notebooks: `param epochs=20 hidden=6`
            gives each a default, and `${epochs}` in any later line is replaced by the value in
            force. `aesh --param epochs=50 script.aesh` overrides a default (repeatable); naming a
            parameter the script does not declare is an error that lists the declared ones. With no
            words, lists the parameters and their values. `history` records the values used.
            """,
            example: "param epochs=20 hidden=6"
        ) { arguments, session, context in
            let given = arguments.base.namedValues
            guard !given.isEmpty else {
                if session.parameters.declared.isEmpty {
                    context.console.line("no parameters declared; declare them with `param NAME=VALUE`")
                }
                for (name, value) in session.parameters.declared { context.console.line("\(name)=\(value)") }
                return
            }
            var seen = Set<String>()
            for (name, _) in given {
                guard ScriptParameters.isValidName(name) else {
                    throw ShellError("\"\(name)\" is not a parameter name: use letters, digits and _, not starting with a digit")
                }
                guard seen.insert(name).inserted else { throw ShellError("\(name) is given twice") }
            }
            var shown: [String] = []
            for (name, value) in given {
                let used = session.parameters.declare(name, default: value)
                shown.append(used == value ? "\(name)=\(used)" : "\(name)=\(used) (given on the command line; default \(value))")
            }
            context.console.line("parameters: " + shown.joined(separator: ", "))
        }
        spec.takesNamedValues = true
        return spec
    }()
}
