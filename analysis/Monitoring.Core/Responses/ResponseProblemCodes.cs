namespace Monitoring.Core.Responses;

/// <summary>
/// The stable codes of the problems a response can have, the same whichever way it came in: the
/// collection API (<see cref="Submissions.SubmissionProblem.Code"/>), a stored record, a raw CSV row.
/// Clients, tests and the cleaning log match on these; the messages may change, the codes do not
/// (docs/formats.md, "Problem codes").
/// </summary>
public static class ResponseProblemCodes
{
    /// <summary>A stored record that cannot be read: not JSON, not an object, invalid UTF-8 or UTF-16, a duplicate key, a field of the wrong type.</summary>
    public const string UnreadableRecord = "unreadable-record";

    /// <summary>A stored record of a format version this version does not read.</summary>
    public const string UnsupportedFormat = "unsupported-format";

    /// <summary>A required field or value is missing.</summary>
    public const string MissingField = "missing-field";

    /// <summary>A field that is not part of the format.</summary>
    public const string UnknownField = "unknown-field";

    /// <summary>A response id that is not 1–64 letters, digits, '-' or '_'.</summary>
    public const string InvalidId = "invalid-id";

    /// <summary>A response of another study.</summary>
    public const string UnknownStudy = "unknown-study";

    /// <summary>A school the study does not define.</summary>
    public const string UnknownSchool = "unknown-school";

    /// <summary>A wave the study does not define.</summary>
    public const string UnknownWave = "unknown-wave";

    /// <summary>A role the study does not define.</summary>
    public const string UnknownRole = "unknown-role";

    /// <summary>A language other than "nl" or "en".</summary>
    public const string UnknownLanguage = "unknown-language";

    /// <summary>A timestamp that is not ISO 8601 with an offset.</summary>
    public const string InvalidTimestamp = "invalid-timestamp";

    /// <summary>Submitted before it was started.</summary>
    public const string StartedAfterSubmitted = "started-after-submitted";

    /// <summary>An item the study does not define.</summary>
    public const string UnknownItem = "unknown-item";

    /// <summary>An item of an instrument the response's wave does not administer.</summary>
    public const string ItemNotInWave = "item-not-in-wave";

    /// <summary>An answer that is not a number.</summary>
    public const string NotANumber = "not-a-number";

    /// <summary>An answer that is a number but not a whole one.</summary>
    public const string NotAWholeNumber = "not-a-whole-number";

    /// <summary>A whole-number answer outside the item's range.</summary>
    public const string OutOfRange = "out-of-range";

    /// <summary>A submission that answers no item (collection API).</summary>
    public const string NoAnswers = "no-answers";

    /// <summary>A linkage answer that does not fit its question (collection API).</summary>
    public const string InvalidLinkage = "invalid-linkage";

    /// <summary>A CSV row with another number of fields than the header.</summary>
    public const string WrongFieldCount = "wrong-field-count";

    /// <summary>A problem with the CSV header: a duplicate, missing or unknown column, an empty file.</summary>
    public const string InvalidHeader = "invalid-header";

    /// <summary>A file with no readable row: a header without rows, or every row with a problem (fatal).</summary>
    public const string NoReadableRows = "no-readable-rows";

    /// <summary>A file or store that cannot be opened at all: missing, permission denied, an I/O error (fatal).</summary>
    public const string UnreadableInput = "unreadable-input";
}
