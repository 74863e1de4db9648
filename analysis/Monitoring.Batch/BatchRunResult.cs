using Monitoring.Analysis;
using Monitoring.Core.Definitions;

namespace Monitoring.Batch;

/// <summary>
/// The outcome of a batch run: what was analysed and written, or why the run stopped (<see cref="Failure"/>): the
/// definition's problems, the input's, or the output folder's. A run that stopped has published nothing: the output
/// folder holds the previous run's outputs as they were.
/// </summary>
/// <param name="Definition">The loaded (or rejected) study definition.</param>
/// <param name="Outcome">The analysis, or null when the run stopped.</param>
/// <param name="Files">The files written, relative to the output folder.</param>
public sealed record BatchRunResult(DefinitionResult Definition, AnalysisOutcome? Outcome, IReadOnlyList<string> Files)
{
    /// <summary>The school profiles, or null when the run did not get that far.</summary>
    public Core.Results.ProfileResults? Profiles { get; init; }

    /// <summary>Each network's coordinator report, relative to the output folder (<c>reports/…</c>).</summary>
    public IReadOnlyDictionary<Core.Studies.NetworkId, string> NetworkReports { get; init; } = new Dictionary<Core.Studies.NetworkId, string>();

    /// <summary>Every file written, by name and kind, in the order of <see cref="Files"/>; empty when the run did not complete.</summary>
    public IReadOnlyList<Outputs.BatchOutput> Outputs { get; init; } = [];


    /// <summary>Why the run stopped, or <see cref="BatchFailure.None"/>.</summary>
    public BatchFailure Failure { get; init; } = Outcome is null ? BatchFailure.Definition : BatchFailure.None;

    /// <summary>What was read (a file path or a store description) when <see cref="Failure"/> is <see cref="BatchFailure.Input"/>.</summary>
    public string? InputSource { get; init; }

    /// <summary>The problems that make the input unreadable (<see cref="Analysis.Responses.RawResponses.Fatal"/>), then the first rows' problems.</summary>
    public IReadOnlyList<Analysis.Responses.RowProblem> InputProblems { get; init; } = [];

    /// <summary>How many problems the input has in all, of which <see cref="InputProblems"/> shows the first.</summary>
    public int InputProblemCount { get; init; }

    /// <summary>Why the outputs cannot be written, when <see cref="Failure"/> is <see cref="BatchFailure.Output"/>.</summary>
    public string? OutputProblem { get; init; }

    /// <summary>Whether the run completed and published its outputs.</summary>
    public bool Succeeded => Failure == BatchFailure.None && Outcome is not null;
}
