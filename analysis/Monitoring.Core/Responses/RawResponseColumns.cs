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

    /// <summary>
    /// Optional: when the server accepted the response, ISO 8601 with offset. When the column is there, the window rule
    /// judges it instead of <see cref="Submitted"/> (docs/formats.md, "Time columns").
    /// </summary>
    public const string Received = "received";

    /// <summary>The questionnaire language, "nl" or "en".</summary>
    public const string Language = "language";

    /// <summary>The fixed columns a generated file has, in file order (the optional <see cref="Received"/> is not among them).</summary>
    public static IReadOnlyList<string> Ordered { get; } = [ResponseId, School, Wave, Role, LinkageCode, Started, Submitted, Language];

    /// <summary>The fixed column names, for look-ups.</summary>
    public static FrozenSet<string> Fixed { get; } = Ordered.Append(Received).ToFrozenSet();
}
