using Monitoring.Core.Definitions;
using Monitoring.Core.Studies;

namespace Monitoring.Functions.Tests.Support;

/// <summary>
/// A tiny study written to a temporary folder: two networks of four schools, waves T0 (both
/// instruments) and T1 (leadership only), and the T0/T1 windows of the sample study.
/// </summary>
internal static class TestStudy
{
    public static readonly DateTimeOffset T0Opens = DateTimeOffset.Parse("2021-10-04T00:00:00+02:00");
    public static readonly DateTimeOffset T0Closes = DateTimeOffset.Parse("2021-12-17T23:59:59+01:00");
    public static readonly DateTimeOffset InT0 = DateTimeOffset.Parse("2021-10-18T10:00:00+02:00");
    public static readonly DateTimeOffset InT1 = DateTimeOffset.Parse("2022-04-04T10:00:00+02:00");

    /// <param name="folder">Where to write it.</param>
    /// <param name="closedT0">Whether wave T0 has closed access (single-use codes).</param>
    public static string Write(string folder, bool closedT0 = false)
    {
        Directory.CreateDirectory(Path.Combine(folder, "instruments"));
        File.WriteAllText(Path.Combine(folder, "study.json"), """
        {
          "id": "test-study",
          "name": { "nl": "Teststudie", "en": "Test study" },
          "instruments": ["instruments/wellbeing.json", "instruments/leadership.json"],
          "organisation": "organisation.json",
          "roles": [
            { "id": "leader", "name": { "nl": "Directeur", "en": "School leader" } },
            { "id": "teacher", "name": { "nl": "Leraar", "en": "Teacher" } }
          ],
          "waves": [
            { "id": "T0", "name": { "nl": "T0 – najaar 2021", "en": "T0 – autumn 2021" }, "opens": "2021-10-04T00:00:00+02:00", "closes": "2021-12-17T23:59:59+01:00", "instruments": ["wellbeing", "leadership"] },
            { "id": "T1", "name": { "nl": "T1 – voorjaar 2022", "en": "T1 – spring 2022" }, "opens": "2022-03-14T00:00:00+01:00", "closes": "2022-05-27T23:59:59+02:00", "instruments": ["leadership"] }
          ],
          "analysis": { "privacyThreshold": 5 }
        }
        """);
        File.WriteAllText(Path.Combine(folder, "organisation.json"), """
        {
          "trajectories": [ { "id": "traject-1", "name": "Traject 1" } ],
          "networks": [
            { "id": "net-a", "name": "Netwerk A", "trajectory": "traject-1", "schools": ["a1", "a2", "a3", "a4"] },
            { "id": "net-b", "name": "Netwerk B", "trajectory": "traject-1", "schools": ["b1", "b2", "b3", "b4"] }
          ],
          "schools": [
            { "id": "a1", "name": "Basisschool De Linde", "staff": { "T0": 20, "T1": 21 } },
            { "id": "a2", "name": "School A2", "staff": { "T0": 10 } },
            { "id": "a3", "name": "School A3" },
            { "id": "a4", "name": "School A4" },
            { "id": "b1", "name": "School B1" },
            { "id": "b2", "name": "School B2" },
            { "id": "b3", "name": "School B3" },
            { "id": "b4", "name": "School B4" }
          ]
        }
        """);
        File.WriteAllText(Path.Combine(folder, "instruments", "wellbeing.json"), """
        {
          "id": "wellbeing", "version": "test-1", "name": { "nl": "Welbevinden", "en": "Well-being" },
          "responseFormats": [ { "id": "freq", "min": 0, "max": 5, "labels": [
            { "value": 0, "nl": "Nooit", "en": "At no time" }, { "value": 1, "nl": "Af en toe", "en": "Some of the time" },
            { "value": 2, "nl": "Soms", "en": "Sometimes" }, { "value": 3, "nl": "Vaak", "en": "Often" },
            { "value": 4, "nl": "Meestal", "en": "Most of the time" }, { "value": 5, "nl": "Altijd", "en": "All of the time" } ] } ],
          "items": [
            { "id": "wb_01", "text": { "nl": "Ik was in een goede stemming.", "en": "I was in a good mood." }, "format": "freq" },
            { "id": "wb_02", "text": { "nl": "Ik kon tot rust komen.", "en": "I could relax." }, "format": "freq" },
            { "id": "wb_03", "text": { "nl": "Ik had energie.", "en": "I had energy." }, "format": "freq" }
          ],
          "scales": [ { "id": "wellbeing", "name": { "nl": "Welbevinden", "en": "Well-being" }, "items": ["wb_01", "wb_02", "wb_03"] } ]
        }
        """);
        File.WriteAllText(Path.Combine(folder, "instruments", "leadership.json"), """
        {
          "id": "leadership", "version": "test-1", "name": { "nl": "Gedeeld leiderschap", "en": "Shared leadership" },
          "responseFormats": [ { "id": "agree", "min": 1, "max": 5, "labels": [
            { "value": 1, "nl": "Helemaal oneens", "en": "Strongly disagree" }, { "value": 2, "nl": "Oneens", "en": "Disagree" },
            { "value": 3, "nl": "Neutraal", "en": "Neutral" }, { "value": 4, "nl": "Eens", "en": "Agree" },
            { "value": 5, "nl": "Helemaal eens", "en": "Strongly agree" } ] } ],
          "items": [
            { "id": "gl_01", "text": { "nl": "We beslissen samen.", "en": "We decide together." }, "format": "agree" },
            { "id": "gl_02", "text": { "nl": "Leraren nemen initiatief.", "en": "Teachers take initiative." }, "format": "agree" },
            { "id": "gl_03", "text": { "nl": "De directie luistert.", "en": "The leadership listens." }, "format": "agree" },
            { "id": "gl_04", "text": { "nl": "Ik voel me niet betrokken.", "en": "I do not feel involved." }, "format": "agree" }
          ],
          "scales": [ { "id": "shared_leadership", "name": { "nl": "Gedeeld leiderschap", "en": "Shared leadership" }, "items": ["gl_01", "gl_02", "gl_03", "gl_04"], "reverse": ["gl_04"] } ]
        }
        """);
        if (closedT0)
        {
            var path = Path.Combine(folder, "study.json");
            File.WriteAllText(path, File.ReadAllText(path).Replace("\"closes\": \"2021-12-17T23:59:59+01:00\",", "\"closes\": \"2021-12-17T23:59:59+01:00\", \"access\": \"closed\",", StringComparison.Ordinal));
        }
        return folder;
    }

    public static async Task<Study> LoadAsync(string folder)
    {
        var result = await StudyDefinitionLoader.LoadAsync(folder);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Study;
    }
}
