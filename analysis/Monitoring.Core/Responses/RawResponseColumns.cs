using System.Collections.Frozen;

namespace Monitoring.Core.Responses;

/// <summary>The fixed columns of the raw response file, before one column per item (docs/formats.md).</summary>
public static class RawResponseColumns
{
    /// <summary>The submission's unique id.</summary>
    public const string ResponseId = "response_id";

    /// <summary>The school's id.</summary>
    public const string School = "school";

    /// <summary>The wave's id.</summary>
    public const string Wave = "wave";

    /// <summary>The respondent's role id.</summary>
    public const string Role = "role";

    /// <summary>The optional pseudonymous linkage code (a keyed hash, never an identity).</summary>
    public const string LinkageCode = "linkage_code";

    /// <summary>When the respondent opened the questionnaire: ISO 8601 with offset.</summary>
    public const string Started = "started";

    /// <summary>When the respondent submitted: ISO 8601 with offset.</summary>
    public const string Submitted = "submitted";

    /// <summary>The questionnaire language, "nl" or "en".</summary>
    public const string Language = "language";

    /// <summary>The fixed columns, in file order.</summary>
    public static IReadOnlyList<string> Ordered { get; } = [ResponseId, School, Wave, Role, LinkageCode, Started, Submitted, Language];

    /// <summary>The fixed column names, for look-ups.</summary>
    public static FrozenSet<string> Fixed { get; } = Ordered.ToFrozenSet();
}
