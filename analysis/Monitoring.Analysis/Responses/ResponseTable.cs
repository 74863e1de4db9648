using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Responses;

/// <summary>
/// Responses held column-wise, for the batch's hot loops: one typed array per field, indexes into
/// the study's lists instead of ids, and one <see cref="float"/> array per item with
/// <see cref="float.NaN"/> for a missing answer. Answers are raw (as given) until scoring recodes the
/// reverse-keyed items in place (<see cref="IsRecoded"/>). Built by <see cref="ResponseTableBuilder"/>; the arrays may be longer than <see cref="Count"/>.
/// </summary>
public sealed class ResponseTable
{
    internal ResponseTable(Study study, int count, string[] responseIds, int[] schools, int[] waves, int[] roles,
        string?[] linkage, DateTimeOffset[] started, DateTimeOffset[] submitted, byte[] languages, float[][] answers, int[] sourceRows)
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
        Languages = languages;
        Answers = answers;
        SourceRows = sourceRows;
    }

    /// <summary>The study the indexes refer to.</summary>
    public Study Study { get; }

    /// <summary>The number of responses.</summary>
    public int Count { get; }

    internal string[] ResponseIds { get; }

    /// <summary>Index into <see cref="Study.Schools"/>.</summary>
    internal int[] Schools { get; }

    /// <summary>Index into <see cref="Study.Waves"/>.</summary>
    internal int[] Waves { get; }

    /// <summary>Index into <see cref="Study.Roles"/>.</summary>
    internal int[] Roles { get; }

    internal string?[] Linkage { get; }

    internal DateTimeOffset[] Started { get; }

    internal DateTimeOffset[] Submitted { get; }

    /// <summary>0 = Dutch, 1 = English.</summary>
    internal byte[] Languages { get; }

    /// <summary>[item index in <see cref="Study.Items"/>][row].</summary>
    internal float[][] Answers { get; }

    /// <summary>Whether <see cref="Answers"/> hold recoded values (set by scoring, which recodes in place).</summary>
    internal bool IsRecoded { get; set; }

    /// <summary>The row of the source file (header = row 1), or the 1-based submission number for a store.</summary>
    internal int[] SourceRows { get; }
}
