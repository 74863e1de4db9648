using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Responses;

/// <summary>
/// Responses held column-wise, for the batch's hot loops: one typed array per field, indexes into
/// the study's lists instead of ids, texts as UTF-8 (<see cref="TextColumn"/>) and the answers as one byte
/// each (<see cref="AnswerMatrix"/>; as floats, NaN for a missing answer, through its columns). The answers are
/// as given and never change: scoring reads reverse-keyed items through a recoding of its own. Built by
/// <see cref="ResponseTableBuilder"/>; every array has exactly <see cref="Count"/> entries.
/// </summary>
public sealed class ResponseTable
{
    internal ResponseTable(Study study, int count, TextColumn responseIds, int[] schools, int[] waves, int[] roles,
        TextColumn linkage, DateTimeOffset[] started, DateTimeOffset[] submitted, DateTimeOffset[]? received, byte[] languages, AnswerMatrix answers, int[] sourceRows)
    {
        Study = study;
        Count = count;
        ResponseIds = responseIds;
        Schools = schools;
        Waves = waves;
        Roles = roles;
        Linkage = linkage;
        Started = started;
        Submitted = submitted;
        Received = received;
        Languages = languages;
        Answers = answers;
        SourceRows = sourceRows;
    }

    /// <summary>The study the indexes refer to.</summary>
    public Study Study { get; }

    /// <summary>The number of responses.</summary>
    public int Count { get; }

    internal TextColumn ResponseIds { get; }

    /// <summary>The response id of row <paramref name="row"/>.</summary>
    public string ResponseId(int row) => (uint)row < (uint)Count ? ResponseIds[row]! : throw new ArgumentOutOfRangeException(nameof(row));

    /// <summary>Index into <see cref="Study.Schools"/>.</summary>
    internal int[] Schools { get; }

    /// <summary>Index into <see cref="Study.Waves"/>.</summary>
    internal int[] Waves { get; }

    /// <summary>Index into <see cref="Study.Roles"/>.</summary>
    internal int[] Roles { get; }

    /// <summary>The linkage code, or null.</summary>
    internal TextColumn Linkage { get; }

    internal DateTimeOffset[] Started { get; }

    /// <summary>When the device says the respondent submitted (client clock).</summary>
    internal DateTimeOffset[] Submitted { get; }

    /// <summary>When the server accepted the response (its own clock); null when the source has no such time (a CSV without <c>received</c>).</summary>
    internal DateTimeOffset[]? Received { get; }

    /// <summary>The time the window rule judges: <see cref="Received"/> when the source has it, else <see cref="Submitted"/>.</summary>
    internal DateTimeOffset[] WindowTimes => Received ?? Submitted;

    /// <summary>0 = Dutch, 1 = English.</summary>
    internal byte[] Languages { get; }

    /// <summary>The answers; <c>Answers[item][row]</c> with the item's index in <see cref="Study.Items"/>.</summary>
    internal AnswerMatrix Answers { get; }

    /// <summary>The row of the source file (header = row 1), or the 1-based submission number for a store.</summary>
    internal int[] SourceRows { get; }
}
