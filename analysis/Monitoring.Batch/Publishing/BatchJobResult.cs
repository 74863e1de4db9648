namespace Monitoring.Batch.Publishing;

/// <summary>What a batch run did.</summary>
/// <param name="Submissions">How many submissions it read.</param>
/// <param name="Published">The artifact names it published, e.g. <c>latest/datasets.zip</c>.</param>
/// <param name="Summary">One line for the log.</param>
public sealed record BatchJobResult(int Submissions, IReadOnlyList<string> Published, string Summary)
{
    /// <summary>The batch's progress lines (one per step), for the host's log.</summary>
    public string Progress { get; init; } = "";
}
