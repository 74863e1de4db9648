using System.Text.Json;
using Monitoring.Core.Definitions;

namespace Monitoring.Core.Tests.Definitions;

public sealed class JsonWalkerTests
{
    private readonly List<DefinitionProblem> _problems = [];

    private JsonWalker Walker() => new("x.json", _problems);

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Theory]
    [InlineData("gent-bs-01")]
    [InlineData("T0")]
    [InlineData("middle_leader")]
    [InlineData("0abc")]
    public void OrganisationIdsOfLettersDigitsDashesAndUnderscoresAreAccepted(string id)
    {
        Assert.Equal(id, Walker().Id(Parse($$"""{ "id": "{{id}}" }"""), "id", "$"));
        Assert.Empty(_problems);
    }

    [Theory]
    [InlineData("-gent")]
    [InlineData("_gent")]
    [InlineData("gent bs")]
    [InlineData("gent.bs")]
    [InlineData("gént")]
    public void OrganisationIdsWithOtherCharactersAreBadIds(string id)
    {
        Assert.Null(Walker().Id(Parse($$"""{ "id": "{{id}}" }"""), "id", "$.schools[3]"));
        var problem = Assert.Single(_problems);
        Assert.Equal(("x.json", "$.schools[3].id", "bad-id"), (problem.File, problem.Path, problem.Code));
    }

    [Theory]
    [InlineData("wb_01", true)]
    [InlineData("a", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", false)]
    [InlineData("Wb_01", false)]
    [InlineData("1wb", false)]
    [InlineData("_wb", false)]
    [InlineData("wb-01", false)]
    public void VariableIdsAreLowerCaseRAndSpssNamesOfAtMost32Characters(string id, bool valid)
    {
        var result = Walker().Id(Parse($$"""{ "id": "{{id}}" }"""), "id", "$", variable: true);

        Assert.Equal(valid ? id : null, result);
        Assert.Equal(valid ? 0 : 1, _problems.Count);
    }

    [Fact]
    public void AnEmptyIdIsReportedAsEmptyNotAsBad()
    {
        Assert.Null(Walker().Id(Parse("""{ "id": "" }"""), "id", "$"));

        Assert.Equal("empty", Assert.Single(_problems).Code);
    }

    [Fact]
    public void AMissingRequiredTextIsReportedWithItsPath()
    {
        Assert.Null(Walker().String(Parse("{}"), "version", "$", required: true));

        var problem = Assert.Single(_problems);
        Assert.Equal(("$.version", "missing"), (problem.Path, problem.Code));
    }

    [Fact]
    public void AMissingOptionalTextIsNoProblem()
    {
        Assert.Null(Walker().String(Parse("""{ "notice": null }"""), "notice", "$", required: false));

        Assert.Empty(_problems);
    }

    [Theory]
    [InlineData("2021-10-04T00:00:00+02:00", "2021-10-03T22:00:00Z", 120)]
    [InlineData("2021-12-17T23:59:59+01:00", "2021-12-17T22:59:59Z", 60)]
    [InlineData("2021-10-04T00:00:00Z", "2021-10-04T00:00:00Z", 0)]
    [InlineData("2021-10-04T00:00:00.5-03:00", "2021-10-04T03:00:00.5Z", -180)]
    public void InstantsWithAnOffsetAreRead(string text, string utc, int offsetMinutes)
    {
        var value = Walker().Instant(Parse($$"""{ "opens": "{{text}}" }"""), "opens", "$");

        Assert.Empty(_problems);
        Assert.Equal(DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal), value!.Value.UtcDateTime);
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), value.Value.Offset);
    }

    [Theory]
    [InlineData("2021-10-04T00:00:00")]
    [InlineData("2021-10-04")]
    [InlineData("2021-10-04 00:00:00+02:00")]
    [InlineData("04/10/2021 00:00")]
    [InlineData("2021-02-30T00:00:00+01:00")]
    [InlineData("2021-10-04T24:00:00+02:00")]
    public void InstantsWithoutOffsetOrOutsideTheCalendarAreBadTimestamps(string text)
    {
        Assert.Null(Walker().Instant(Parse($$"""{ "opens": "{{text}}" }"""), "opens", "$.waves[0]"));

        var problem = Assert.Single(_problems);
        Assert.Equal(("$.waves[0].opens", "bad-timestamp"), (problem.Path, problem.Code));
        Assert.Contains(text, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALocalizedTextNeedsDutchAndTreatsBlankEnglishAsAbsent()
    {
        var text = Walker().Text(Parse("""{ "name": { "nl": "Welbevinden", "en": "" } }"""), "name", "$");

        Assert.Equal("Welbevinden", text!.Nl);
        Assert.Null(text.En);
    }

    [Fact]
    public void ALocalizedTextGivenAsAPlainStringIsAWrongType()
    {
        Assert.Null(Walker().Text(Parse("""{ "name": "Welbevinden" }"""), "name", "$"));

        var problem = Assert.Single(_problems);
        Assert.Equal(("$.name", "wrong-type"), (problem.Path, problem.Code));
    }

    [Fact]
    public void ALocalizedTextInAnotherLanguageIsAnUnknownProperty()
    {
        Walker().Text(Parse("""{ "name": { "nl": "Welbevinden", "fr": "Bien-être" } }"""), "name", "$");

        var problem = Assert.Single(_problems);
        Assert.Equal(("$.name.fr", "unknown-property"), (problem.Path, problem.Code));
    }

    [Fact]
    public void UnknownPropertiesAreReportedOneByOneButTheSchemaReferenceIsAllowed()
    {
        Walker().RejectUnknown(Parse("""{ "$schema": "s.json", "id": "a", "nmae": "b", "extra": 1 }"""), "$.roles[0]", "id", "name");

        Assert.Equal(["$.roles[0].nmae", "$.roles[0].extra"], _problems.Select(p => p.Path));
        Assert.All(_problems, p => Assert.Equal("unknown-property", p.Code));
    }

    [Theory]
    [InlineData("3", 3, null)]
    [InlineData("0", null, "out-of-range")]
    [InlineData("2.5", null, "wrong-type")]
    [InlineData("\"3\"", null, "wrong-type")]
    [InlineData("true", null, "wrong-type")]
    [InlineData("1e10", null, "wrong-type")]
    public void WholeNumbersAreCheckedForTypeAndRange(string json, int? expected, string? code)
    {
        var value = Walker().Int(Parse($$"""{ "n": {{json}} }"""), "n", "$", required: true, min: 1);

        Assert.Equal(expected, value);
        Assert.Equal(code, _problems.SingleOrDefault()?.Code);
    }

    [Fact]
    public void AnArrayOfTheWrongTypeIsReportedAndReadAsEmpty()
    {
        var items = Walker().Array(Parse("""{ "items": "wb_01" }"""), "items", "$", required: true);

        Assert.Empty(items);
        Assert.Equal(("$.items", "wrong-type"), (_problems[0].Path, _problems[0].Code));
    }

    [Fact]
    public void PathsAreBuiltAsJsonPaths()
    {
        Assert.Equal("$.scales[0].subscales[2].items[4]",
            JsonWalker.Index(JsonWalker.Child(JsonWalker.Index(JsonWalker.Child(JsonWalker.Index("$.scales", 0), "subscales"), 2), "items"), 4));
    }
}
