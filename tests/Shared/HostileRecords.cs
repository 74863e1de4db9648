using System.Text;
using System.Text.Json.Nodes;
using Monitoring.Core.Instruments;
using Monitoring.Core.Responses;
using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;

namespace Monitoring.Tests.Shared;

/// <summary>
/// A hostile store: stored records as raw bytes that no collection API would write but a disk, a bug or an
/// attacker can leave (truncated, empty, random, an array, a newer format, a missing or mistyped field, a lone
/// surrogate, invalid UTF-8, a duplicate key), each with the problem code a reader must give it, and good records
/// beside them. Names are relative to the store (<c>{study}/{wave}/{school}/{file}</c>).
/// </summary>
public static class HostileRecords
{
    /// <summary>A school and a wave of the sample study.</summary>
    public const string School = "oostende-bs-01";

    /// <summary>The wave the records are in.</summary>
    public const string Wave = "T0";

    private static readonly DateTimeOffset Started = new(2021, 10, 5, 9, 0, 0, TimeSpan.FromHours(2));

    /// <summary>A valid submission of study <paramref name="study"/> with answers to <paramref name="items"/>.</summary>
    public static Submission Good(string study, string id, IEnumerable<(string Item, int Answer)> items, DateTimeOffset? started = null, DateTimeOffset? received = null)
    {
        var start = started ?? Started;
        return new Submission(new SubmissionId(id), new StudyId(study), new WaveId(Wave), new SchoolId(School), new RoleId("teacher"), null,
            start, start.AddMinutes(12), received ?? start.AddMinutes(12).AddSeconds(1), "nl", items.ToDictionary(i => new ItemId(i.Item), i => i.Answer));
    }

    /// <summary>The record's name in the store.</summary>
    public static string Name(string study, string file) => $"{study}/{Wave}/{School}/{file}";

    /// <summary>Every hostile record: its file name, bytes, and the code it must be excluded with.</summary>
    public static IReadOnlyList<(string File, byte[] Bytes, string Code)> All(string study, IEnumerable<(string Item, int Answer)> items)
    {
        var valid = SubmissionJson.Serialize(Good(study, "template", items));
        var text = Encoding.UTF8.GetString(valid);
        byte[] Patched(Action<JsonObject> change)
        {
            var json = JsonNode.Parse(valid)!.AsObject();
            change(json);
            return Encoding.UTF8.GetBytes(json.ToJsonString());
        }
        var random = new byte[512];
        new Random(11).NextBytes(random);
        var invalidUtf8 = Encoding.UTF8.GetBytes(text.Replace("\"role\":\"teacher\"", "\"role\":\"ROLE\"", StringComparison.Ordinal));
        var at = invalidUtf8.AsSpan().IndexOf("ROLE"u8);
        invalidUtf8[at] = 0xC3;
        invalidUtf8[at + 1] = 0x28;
        return
        [
            ("truncated.json", valid[..(valid.Length / 2)], ResponseProblemCodes.UnreadableRecord),
            ("empty.json", [], ResponseProblemCodes.UnreadableRecord),
            ("random.json", random, ResponseProblemCodes.UnreadableRecord),
            ("array.json", "[1,2,3]"u8.ToArray(), ResponseProblemCodes.UnreadableRecord),
            ("format-2.json", Patched(j => j["format"] = 2), ResponseProblemCodes.UnsupportedFormat),
            ("no-answers.json", Patched(j => j.Remove("answers")), ResponseProblemCodes.MissingField),
            ("fraction.json", Patched(j => j["answers"]!["wb_01"] = 3.5), ResponseProblemCodes.NotAWholeNumber),
            ("huge.json", Patched(j => j["answers"]!["wb_01"] = 1L << 40), ResponseProblemCodes.OutOfRange),
            ("yesterday.json", Patched(j => j["started"] = "yesterday"), ResponseProblemCodes.InvalidTimestamp),
            ("surrogate.json", Encoding.UTF8.GetBytes(text.Replace("\"role\":\"teacher\"", "\"role\":\"\\ud800\"", StringComparison.Ordinal)), ResponseProblemCodes.UnreadableRecord),
            ("invalid-utf8.json", invalidUtf8, ResponseProblemCodes.UnreadableRecord),
            ("duplicate-key.json", Encoding.UTF8.GetBytes(text.Replace("\"role\":\"teacher\"", "\"role\":\"teacher\",\"role\":\"leader\"", StringComparison.Ordinal)), ResponseProblemCodes.UnreadableRecord),
        ];
    }
}
