using Monitoring.Analysis;
using Monitoring.Core.Definitions;

namespace Monitoring.Batch;

/// <summary>The outcome of a batch run: either the definition's problems, or what was analysed and written.</summary>
/// <param name="Definition">The loaded (or rejected) study definition.</param>
/// <param name="Outcome">The analysis, or null when the definition was invalid.</param>
/// <param name="Files">The files written, relative to the output folder.</param>
public sealed record BatchRunResult(DefinitionResult Definition, AnalysisOutcome? Outcome, IReadOnlyList<string> Files)
{
    /// <summary>Whether the run completed.</summary>
    public bool Succeeded => Outcome is not null;
}
