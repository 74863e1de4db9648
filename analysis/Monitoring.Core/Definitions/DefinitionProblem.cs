namespace Monitoring.Core.Definitions;

/// <summary>One problem in a study definition.</summary>
/// <param name="File">The file, relative to the definition folder (e.g. "instruments/welbevinden.json").</param>
/// <param name="Path">The JSON path inside the file (e.g. "$.scales[0].items[3]"); "$" for the whole file.</param>
/// <param name="Code">A stable code for the kind of problem (e.g. "unknown-item"), for tests and tooling.</param>
/// <param name="Message">What is wrong and how to fix it, in English.</param>
public sealed record DefinitionProblem(string File, string Path, string Code, string Message)
{
    /// <summary>
    /// The problem this one follows from, when fixing that one is likely to fix this one too (a duplicated wave id
    /// makes every reference to the wave it replaced unknown; the same mistake repeated is one cause); null for a cause.
    /// Causes have no cause themselves.
    /// </summary>
    public DefinitionProblem? Cause { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{File}: {Path}: {Message} [{Code}]";
}
