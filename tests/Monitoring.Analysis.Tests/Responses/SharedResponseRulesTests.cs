using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Monitoring.Analysis.Responses;
using Monitoring.Core.Instruments;
using Monitoring.Core.Responses;
using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;
using Monitoring.Tests.Shared;

namespace Monitoring.Analysis.Tests.Responses;

/// <summary>
/// One fault, three ways in: the collection API's validator, a stored record read by the batch, and a row of the
/// raw CSV give the same problem code (<see cref="ResponseProblemCodes"/>).
/// </summary>
public class SharedResponseRulesTests
{
    private static readonly DateTimeOffset Started = new(2021, 10, 5, 9, 0, 0, TimeSpan.FromHours(2));

    public static TheoryData<string, string, string> BadAnswers => new()
    {
        { "wb_02", "2.5", ResponseProblemCodes.NotAWholeNumber },
        { "wb_01", "7", ResponseProblemCodes.OutOfRange },
        { "gl_01", "-1", ResponseProblemCodes.OutOfRange },
        { "gl_01", "0", ResponseProblemCodes.OutOfRange },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task TheSameBadAnswerGivesTheSameCodeFromTheApiTheStoreAndTheCsv(string item, string value, string code)
    {
        var study = await TestStudy.SampleAsync();
        var answers = ResponseRow.Items.ToDictionary(i => i.Item, i => (double)i.Answer);
        answers[item] = double.Parse(value, CultureInfo.InvariantCulture);

        Assert.Equal(code, Assert.Single(Api(study, "teacher", "nl", answers)).Code);
        Assert.Equal(code, Assert.Single(Stored(study, "teacher", "nl", item, JsonNode.Parse(value)!)).Code);
        Assert.Equal(code, Assert.Single(await CsvAsync(study, ResponseRow.Valid().Set(item, value))).Code);
    }

    [Theory]
    [InlineData("role", "janitor", ResponseProblemCodes.UnknownRole)]
    [InlineData("language", "fr", ResponseProblemCodes.UnknownLanguage)]
    public async Task TheSameBadFieldGivesTheSameCodeFromTheApiTheStoreAndTheCsv(string field, string value, string code)
    {
        var study = await TestStudy.SampleAsync();
        var answers = ResponseRow.Items.ToDictionary(i => i.Item, i => (double)i.Answer);
        var role = field == "role" ? value : "teacher";
        var language = field == "language" ? value : "nl";

        Assert.Equal(code, Assert.Single(Api(study, role, language, answers)).Code);
        Assert.Equal(code, Assert.Single(Stored(study, role, language, null, null)).Code);
        Assert.Equal(code, Assert.Single(await CsvAsync(study, ResponseRow.Valid().Set(field, value))).Code);
    }

    private static IReadOnlyList<SubmissionProblem> Api(Study study, string role, string language, Dictionary<string, double> answers)
    {
        var draft = new SubmissionDraft(new SubmissionId("api-1"), role, language, null, Started, Started.AddMinutes(10), answers);
        return SubmissionValidator.Validate(study, study.Waves[0], study.Schools[0].Id, draft, Started.AddMinutes(10), new LinkageKey(new byte[32])).Problems;
    }

    private static IReadOnlyList<RowProblem> Stored(Study study, string role, string language, string? item, JsonNode? value)
    {
        var valid = new Submission(new SubmissionId("stored-1"), study.Id, study.Waves[0].Id, study.Schools[0].Id, new RoleId(role), null,
            Started, Started.AddMinutes(10), Started.AddMinutes(10), language, ResponseRow.Items.ToDictionary(i => new ItemId(i.Item), i => i.Answer));
        var json = JsonNode.Parse(SubmissionJson.Serialize(valid))!;
        if (item is not null) json["answers"]![item] = value;
        var record = StoredRecord.Read("sample/T0/school/stored-1.json", Encoding.UTF8.GetBytes(json.ToJsonString()));
        return new SubmissionReader(study).Read([record], "store").Problems;
    }

    private static async Task<IReadOnlyList<RowProblem>> CsvAsync(Study study, ResponseRow row)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(ResponseRow.Csv([row])));
        return (await new RawResponseReader(study).ReadAsync(stream, "test.csv")).Problems;
    }
}
