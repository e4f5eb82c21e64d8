import Testing
@testable import AeshShell

extension Trait where Self == ConditionTrait {
    /// Skips a test that draws with the real gnuplot, saying so, where gnuplot is not on PATH
    /// (scripts/setup.sh installs it).
    static var needsGnuplot: Self {
        .enabled(if: Gnuplot.locate() != nil, "gnuplot is not on PATH: \(Gnuplot.installHint)")
    }
}
