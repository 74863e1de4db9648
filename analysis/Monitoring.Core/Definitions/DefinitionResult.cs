using System.Diagnostics.CodeAnalysis;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Definitions;

/// <summary>
/// The outcome of loading a study definition: the study when it is valid, otherwise every
/// problem found (never just the first).
/// </summary>
public sealed record DefinitionResult
{
    internal DefinitionResult(Study? study, IReadOnlyList<DefinitionProblem> problems, IReadOnlyList<string> files, string? hash)
    {
        Study = study;
        Problems = problems;
        Groups = ProblemCauses.Group(problems);
        Files = files;
        Hash = hash;
    }

    /// <summary>The loaded study; null when <see cref="Problems"/> is not empty.</summary>
    public Study? Study { get; }

    /// <summary>Every problem, in file order; empty when the definition is valid.</summary>
    public IReadOnlyList<DefinitionProblem> Problems { get; }

    /// <summary>
    /// The same problems by cause: each problem to fix first with the ones that follow from it
    /// (<see cref="DefinitionProblem.Cause"/>), in file order of the causes.
    /// </summary>
    public IReadOnlyList<ProblemGroup> Groups { get; }

    /// <summary>The definition's files that were read, relative to its folder, in reading order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>SHA-256 (lower-case hex) over the files' relative paths and bytes, in reading order; null when a file could not be read.</summary>
    public string? Hash { get; }

    /// <summary>Whether the definition is valid.</summary>
    [MemberNotNullWhen(true, nameof(Study))]
    public bool IsValid => Study is not null;
}
