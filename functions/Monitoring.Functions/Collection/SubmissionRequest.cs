using System.Globalization;
using System.Text.Json;
using Monitoring.Core.Submissions;

namespace Monitoring.Functions.Collection;

/// <summary>
/// The body of POST /api/responses, checked for shape only (types, formats, required fields);
/// meaning is checked in Core by <see cref="SubmissionValidator"/>. Every shape problem is
/// collected, and the draft holds whatever parsed, so both kinds can be reported together.
/// </summary>
internal sealed record SubmissionRequest(string? Token, SubmissionDraft Draft, IReadOnlyList<SubmissionProblem> Problems)
{
    private static readonly string[] Fields = ["token", "code", "submissionId", "role", "language", "linkage", "started", "submitted", "answers"];

    /// <summary>The access code as typed (closed-access waves), or null when none was sent.</summary>
    public string? Code { get; init; }

    public static SubmissionRequest Read(JsonElement root)
    {
        var problems = new List<SubmissionProblem>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new("wrong-type", "$", "The body must be one JSON object."));
            return new SubmissionRequest(null, Empty, problems);
        }
        foreach (var property in root.EnumerateObject())
            if (!Fields.Contains(property.Name))
                problems.Add(new("unknown-field", property.Name, $"'{property.Name}' is not a field of a submission; use: {string.Join(", ", Fields)}."));

        var token = String(root, "token", problems);
        var id = String(root, "submissionId", problems);
        if (id is not null && !SubmissionId.IsWellFormed(id))
        {
            problems.Add(new("invalid-submission-id", "submissionId", "A submission id is 1–64 letters, digits, '-' or '_' (the page sends a random UUID)."));
            id = null;
        }
        var role = String(root, "role", problems);
        var language = String(root, "language", problems);
        var started = Instant(root, "started", problems);
        var submitted = Instant(root, "submitted", problems);
        var linkage = Linkage(root, problems);
        var answers = Answers(root, problems);

        var draft = new SubmissionDraft(new SubmissionId(id ?? "-"), role ?? "", language ?? "", linkage,
            started ?? DateTimeOffset.MinValue, submitted ?? started ?? DateTimeOffset.MinValue, answers);
        var code = root.TryGetProperty("code", out var c) && c.ValueKind != JsonValueKind.Null ? String(root, "code", problems) : null;
        return new SubmissionRequest(token, draft, problems) { Code = code };
    }

    private static SubmissionDraft Empty => new(new SubmissionId("-"), "", "", null, DateTimeOffset.MinValue, DateTimeOffset.MinValue, new Dictionary<string, double>());

    private static string? String(JsonElement root, string name, List<SubmissionProblem> problems)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            problems.Add(new("missing-field", name, $"'{name}' is required."));
            return null;
        }
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add(new("wrong-type", name, $"'{name}' must be a non-empty string."));
            return null;
        }
        return value.GetString();
    }

    /// <summary>
    /// An ISO 8601 instant with its offset, e.g. <c>2021-10-05T09:30:00+02:00</c> or <c>…07:30:00.123Z</c>
    /// (System.Text.Json's ISO 8601-1 extended profile); a date alone, a local time or any other form is a problem.
    /// </summary>
    private static DateTimeOffset? Instant(JsonElement root, string name, List<SubmissionProblem> problems)
    {
        var text = String(root, name, problems);
        if (text is null) return null;
        if (root.GetProperty(name).TryGetDateTimeOffset(out var instant) && HasOffset(text))
            return instant;
        problems.Add(new("invalid-timestamp", name, $"'{name}' must be an ISO 8601 timestamp with offset, e.g. 2021-10-05T09:30:00+02:00 or 2021-10-05T07:30:00Z."));
        return null;
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    private static Dictionary<string, string>? Linkage(JsonElement root, List<SubmissionProblem> problems)
    {
        if (!root.TryGetProperty("linkage", out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new("wrong-type", "linkage", "'linkage' must be an object of answers, or null."));
            return null;
        }
        var answers = new Dictionary<string, string>();
        foreach (var p in value.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.String) answers[p.Name] = p.Value.GetString()!;
            else if (p.Value.ValueKind == JsonValueKind.Number) answers[p.Name] = p.Value.GetRawText();
            else problems.Add(new("wrong-type", $"linkage.{p.Name}", $"The linkage answer '{p.Name}' must be a string."));
        }
        return answers;
    }

    private static Dictionary<string, double> Answers(JsonElement root, List<SubmissionProblem> problems)
    {
        var answers = new Dictionary<string, double>();
        if (!root.TryGetProperty("answers", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            problems.Add(new("missing-field", "answers", "'answers' is required: an object of item id to number."));
            return answers;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new("wrong-type", "answers", "'answers' must be an object of item id to number."));
            return answers;
        }
        foreach (var p in value.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Null) continue;
            if (p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetDouble(out var number))
            {
                if (!answers.TryAdd(p.Name, number))
                    problems.Add(new("duplicate-field", $"answers.{p.Name}", $"Item '{p.Name}' is answered twice.", p.Name));
            }
            else
            {
                problems.Add(new("not-a-number", $"answers.{p.Name}", $"Item '{p.Name}': {Describe(p.Value)} is not a number.", p.Name));
            }
        }
        return answers;
    }

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => $"\"{Collection.Problems.Clip(e.GetString()!, 40)}\"",
        JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => Collection.Problems.Clip(e.GetRawText(), 40),
    };
}
