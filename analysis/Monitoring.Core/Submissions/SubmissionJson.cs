using System.Globalization;
using System.Text.Json;
using Monitoring.Core.Instruments;
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
    public static Submission Deserialize(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            var format = root.GetProperty("format").GetInt32();
            if (format != Format) throw new InvalidDataException($"Submission record format {format} is not supported (expected {Format}).");
            var answers = new Dictionary<ItemId, int>();
            foreach (var answer in root.GetProperty("answers").EnumerateObject())
                answers[new ItemId(answer.Name)] = answer.Value.GetInt32();
            var linkage = root.GetProperty("linkageCode");
            return new Submission(
                new SubmissionId(Text(root, "id")),
                new StudyId(Text(root, "study")),
                new WaveId(Text(root, "wave")),
                new SchoolId(Text(root, "school")),
                new RoleId(Text(root, "role")),
                linkage.ValueKind == JsonValueKind.Null ? null : linkage.GetString(),
                Instant(root, "started"),
                Instant(root, "submitted"),
                Instant(root, "received"),
                Text(root, "language"),
                answers);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"Not a valid submission record: {e.Message}", e);
        }
    }

    private static string Text(JsonElement root, string name) =>
        root.GetProperty(name).GetString() ?? throw new InvalidDataException($"'{name}' is null.");

    private static DateTimeOffset Instant(JsonElement root, string name) =>
        DateTimeOffset.ParseExact(Text(root, name), "O", CultureInfo.InvariantCulture);
}
