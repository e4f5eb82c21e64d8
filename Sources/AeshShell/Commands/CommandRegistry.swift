/// The list of commands, in the order `help` shows them (the order of the method).
public enum CommandRegistry {
    /// Every command aesh knows.
    public static let all: [CommandSpec] = [
        .load, .generate, .describe, .split, .scale, .model, .train, .errors, .threshold, .evaluate, .row, .compare, .baseline, .runs,
        .tsne, .plot, .save, .open, .export, .score, .set, .show, .param, .run, .history, .report, .help, .explain, .reset, .quit,
    ]
}
