using Monitoring.Analysis;
using Monitoring.Core.Definitions;

namespace Monitoring.Batch;

/// <summary>The outcome of a batch run: either the definition's problems, or what was analysed and written.</summary>
/// <param name="Definition">The loaded (or rejected) study definition.</param>
/// <param name="Outcome">The analysis, or null when the definition was invalid.</param>
/// <param name="Files">The files written, relative to the output folder.</param>
public sealed record BatchRunResult(DefinitionResult Definition, AnalysisOutcome? Outcome, IReadOnlyList<string> Files)
{
    /// <summary>The school profiles, or null when the run did not get that far.</summary>
    public Core.Results.ProfileResults? Profiles { get; init; }

    /// <summary>Each network's coordinator report, relative to the output folder (<c>reports/…</c>).</summary>
    public IReadOnlyDictionary<Core.Studies.NetworkId, string> NetworkReports { get; init; } = new Dictionary<Core.Studies.NetworkId, string>();

    /// <summary>Every file written, by name and kind, in the order of <see cref="Files"/>; empty when the run did not complete.</summary>
    public IReadOnlyList<Outputs.BatchOutput> Outputs { get; init; } = [];

    /// <summary>Whether the run completed.</summary>
    public bool Succeeded => Outcome is not null;
}
