using System.Globalization;
using System.Text.Json;
using Monitoring.Core.Instruments;
using Monitoring.Core.Responses;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Submissions;

/// <summary>
/// The stored form of a <see cref="Submission"/>: one UTF-8 JSON object (format 1, documented in
/// docs/formats.md, "Collection API"), the same in the file store and the blob store. Answers are
/// written in the order given; timestamps as ISO 8601 with offset.
/// </summary>
public static class SubmissionJson
{
    /// <summary>The format version written in every record.</summary>
    public const int Format = 1;

    /// <summary>The stored bytes of <paramref name="submission"/>.</summary>
    public static byte[] Serialize(Submission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256 + 24 * submission.Answers.Count);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("format", Format);
            w.WriteString("id", submission.Id.Value);
            w.WriteString("study", submission.Study.Value);
            w.WriteString("wave", submission.Wave.Value);
            w.WriteString("school", submission.School.Value);
            w.WriteString("role", submission.Role.Value);
            if (submission.LinkageCode is null) w.WriteNull("linkageCode");
            else w.WriteString("linkageCode", submission.LinkageCode);
            w.WriteString("started", submission.Started.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("submitted", submission.Submitted.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("received", submission.Received.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("language", submission.Language);
            w.WriteStartObject("answers");
            foreach (var (item, value) in submission.Answers) w.WriteNumber(item.Value, value);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a stored record.</summary>
    /// <exception cref="InvalidDataException">When <paramref name="utf8"/> is not a format-1 submission record.</exception>
    public static Submission Deserialize(ReadOnlySpan<byte> utf8) =>
        TryRead(utf8, out var problems) ?? throw new InvalidDataException($"Not a valid submission record: {string.Join("; ", problems)}");

    /// <summary>
    /// Reads a stored record without throwing on bad data: the submission, or null and every problem in
    /// <paramref name="problems"/> (codes of <see cref="ResponseProblemCodes"/>): bytes that are not one JSON object
    /// of valid UTF-8 with distinct keys, a newer or unknown format, missing or mistyped fields, a timestamp that is
    /// not ISO 8601 with an offset, an answer that is not a whole number (or not a 32-bit one).
    /// </summary>
    public static Submission? TryRead(ReadOnlySpan<byte> utf8, out IReadOnlyList<SubmissionProblem> problems)
    {
        var found = new List<SubmissionProblem>();
        problems = found;
        if (utf8.IsEmpty)
        {
            found.Add(new(ResponseProblemCodes.UnreadableRecord, "", "The record is empty (0 bytes)."));
            return null;
        }
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            found.Add(new(ResponseProblemCodes.UnreadableRecord, "", "The record is not valid UTF-8."));
            return null;
        }
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                document.Dispose();
                found.Add(new(ResponseProblemCodes.UnreadableRecord, "", "The record has more than one JSON value."));
                return null;
            }
        }
        catch (JsonException e)
        {
            found.Add(new(ResponseProblemCodes.UnreadableRecord, "", $"Not JSON: {e.Message}"));
            return null;
        }
        using (document)
        {
            try
            {
                return Read(document.RootElement, found);
            }
            catch (InvalidOperationException)
            {
                // A key with an escaped lone surrogate (\ud800) is valid JSON but no text.
                found.Clear();
                found.Add(new(ResponseProblemCodes.UnreadableRecord, "", "The record has a key that is not valid text (an unpaired surrogate)."));
                return null;
            }
        }
    }

    private static Submission? Read(JsonElement root, List<SubmissionProblem> found)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            found.Add(new(ResponseProblemCodes.UnreadableRecord, "", $"The record is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object."));
            return null;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
            if (!names.Add(property.Name))
                found.Add(new(ResponseProblemCodes.UnreadableRecord, property.Name, $"The key '{property.Name}' appears twice; the record is ambiguous."));
        if (found.Count > 0) return null;

        if (!root.TryGetProperty("format", out var formatElement))
        {
            found.Add(new(ResponseProblemCodes.MissingField, "format", "The record has no 'format'."));
            return null;
        }
        if (formatElement.ValueKind != JsonValueKind.Number || !formatElement.TryGetInt32(out var format) || format < 1)
        {
            found.Add(new(ResponseProblemCodes.UnsupportedFormat, "format", $"'format' is {formatElement.GetRawText()}, not a format version (this version reads {Format})."));
            return null;
        }
        if (format != Format)
        {
            found.Add(new(ResponseProblemCodes.UnsupportedFormat, "format",
                format > Format ? $"Format {format} is newer than this version reads ({Format}); upgrade Monitoring to read it." : $"Format {format} is not one this version reads ({Format})."));
            return null;
        }
        var id = Text(root, "id", found);
        if (id is not null && !SubmissionId.IsWellFormed(id))
            found.Add(new(ResponseProblemCodes.InvalidId, "id", "The id is not 1–64 letters, digits, '-' or '_'."));
        var study = Text(root, "study", found);
        var wave = Text(root, "wave", found);
        var school = Text(root, "school", found);
        var role = Text(root, "role", found);
        string? linkage = null;
        if (root.TryGetProperty("linkageCode", out var linkageElement) && linkageElement.ValueKind != JsonValueKind.Null)
            linkage = Text(root, "linkageCode", found);
        var started = Instant(root, "started", found);
        var submitted = Instant(root, "submitted", found);
        var received = Instant(root, "received", found);
        var language = Text(root, "language", found);
        var answers = new Dictionary<ItemId, int>();
        if (!root.TryGetProperty("answers", out var answersElement))
            found.Add(new(ResponseProblemCodes.MissingField, "answers", "The record has no 'answers'."));
        else if (answersElement.ValueKind != JsonValueKind.Object)
            found.Add(new(ResponseProblemCodes.UnreadableRecord, "answers", $"'answers' is a JSON {answersElement.ValueKind.ToString().ToLowerInvariant()}, not an object."));
        else
            foreach (var answer in answersElement.EnumerateObject())
            {
                var field = $"answers.{answer.Name}";
                if (!answers.TryAdd(new ItemId(answer.Name), 0))
                    found.Add(new(ResponseProblemCodes.UnreadableRecord, field, $"The item '{answer.Name}' is answered twice; the record is ambiguous.", answer.Name));
                else if (answer.Value.ValueKind != JsonValueKind.Number || !answer.Value.TryGetDouble(out var value))
                    found.Add(new(ResponseProblemCodes.NotANumber, field, $"The answer to '{answer.Name}' is {Shown(answer.Value.GetRawText())}, not a number.", answer.Name));
                else if (Math.Floor(value) != value)
                    found.Add(new(ResponseProblemCodes.NotAWholeNumber, field, $"The answer to '{answer.Name}' is {answer.Value.GetRawText()}, not a whole number.", answer.Name));
                else if (!answer.Value.TryGetInt32(out var whole))
                    found.Add(new(ResponseProblemCodes.OutOfRange, field, $"The answer to '{answer.Name}' is {answer.Value.GetRawText()}, outside every item's range.", answer.Name));
                else answers[new ItemId(answer.Name)] = whole;
            }
        if (found.Count > 0) return null;
        return new Submission(new SubmissionId(id!), new StudyId(study!), new WaveId(wave!), new SchoolId(school!), new RoleId(role!), linkage,
            started!.Value, submitted!.Value, received!.Value, language!, answers);
    }

    private static string? Text(JsonElement root, string name, List<SubmissionProblem> problems)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            problems.Add(new(ResponseProblemCodes.MissingField, name, $"The record has no '{name}'."));
            return null;
        }
        if (element.ValueKind != JsonValueKind.String)
        {
            problems.Add(new(ResponseProblemCodes.UnreadableRecord, name, $"'{name}' is a JSON {element.ValueKind.ToString().ToLowerInvariant()}, not a string."));
            return null;
        }
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate (\ud800) is valid JSON but no text.
            problems.Add(new(ResponseProblemCodes.UnreadableRecord, name, $"'{name}' is not valid text (an unpaired surrogate)."));
            return null;
        }
    }

    private static DateTimeOffset? Instant(JsonElement root, string name, List<SubmissionProblem> problems)
    {
        var text = Text(root, name, problems);
        if (text is null) return null;
        if (DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return value;
        problems.Add(new(ResponseProblemCodes.InvalidTimestamp, name, $"'{name}' is '{Shown(text)}', not an ISO 8601 date-time with an offset."));
        return null;
    }

    private static string Shown(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
