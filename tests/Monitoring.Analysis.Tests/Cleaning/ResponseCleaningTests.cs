using System.Text.Json.Nodes;
using Monitoring.Analysis.Cleaning;
using Monitoring.Core.Studies;
using Monitoring.Tests.Shared;

namespace Monitoring.Analysis.Tests.Cleaning;

/// <summary>
/// The cleaning rules of docs/methods.md ("Cleaning") on a handful of rows against the sample study,
/// whose waves administer 35 items (welbevinden and gedeeld-leiderschap have reverse-keyed items,
/// bevlogenheid has none). Data rows start at source row 2 (the header is row 1).
/// </summary>
public class ResponseCleaningTests
{
    // T0's window in the sample study.
    private static readonly DateTimeOffset T0Opens = new(2021, 10, 4, 0, 0, 0, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset T0Closes = new(2021, 12, 17, 23, 59, 59, TimeSpan.FromHours(1));

    private static async Task<CleaningResult> CleanAsync(params ResponseRow[] rows) => await CleanAsync(await TestStudy.SampleAsync(), rows);

    private static async Task<CleaningResult> CleanAsync(Study study, params ResponseRow[] rows) =>
        ResponseCleaning.Apply((await TestResponses.ReadAsync(study, rows)).Table);

    private static Exclusion SingleExclusion(CleaningResult result, CleaningRule rule, int sourceRow)
    {
        var exclusion = Assert.Single(result.Exclusions);
        Assert.Equal(rule, exclusion.Rule);
        Assert.Equal(sourceRow, exclusion.SourceRow);
        Assert.False(result.Kept[sourceRow - 2]);
        return exclusion;
    }

    private static void AllKept(CleaningResult result)
    {
        Assert.Empty(result.Exclusions);
        Assert.All(result.Kept, Assert.True);
    }

    // ---- outside_window ----------------------------------------------------------------------

    [Fact]
    public async Task ResponsesSubmittedAtTheOpeningOrClosingInstantAreKept()
    {
        var result = await CleanAsync(
            ResponseRow.Valid().SubmittedAt(T0Opens),
            ResponseRow.Valid().SubmittedAt(T0Closes),
            // The closing instant written in UTC: the window compares instants, not local clock times.
            ResponseRow.Valid().SubmittedAt(T0Closes.ToUniversalTime()));

        AllKept(result);
    }

    [Fact]
    public async Task AResponseSubmittedOneSecondBeforeTheWindowOpensIsExcludedAsOutsideWindow()
    {
        var result = await CleanAsync(ResponseRow.Valid(), ResponseRow.Valid().SubmittedAt(T0Opens.AddSeconds(-1)));

        var exclusion = SingleExclusion(result, CleaningRule.OutsideWindow, 3);
        Assert.True(result.Kept[0]);
        Assert.Equal("submitted 2021-10-03T23:59:59+02:00; window 2021-10-04T00:00:00+02:00 to 2021-12-17T23:59:59+01:00", exclusion.Detail);
        Assert.Equal("oostende-bs-01", exclusion.School);
        Assert.Equal("T0", exclusion.Wave);
    }

    [Fact]
    public async Task AResponseSubmittedOneSecondAfterTheWindowClosesIsExcludedAsOutsideWindow()
    {
        var result = await CleanAsync(ResponseRow.Valid().SubmittedAt(T0Closes.AddSeconds(1)));

        var exclusion = SingleExclusion(result, CleaningRule.OutsideWindow, 2);
        Assert.StartsWith("submitted 2021-12-18T00:00:00+01:00;", exclusion.Detail);
    }

    [Fact]
    public async Task AResponseForOneWaveSubmittedInAnotherWavesWindowIsOutsideItsWindow()
    {
        var t1 = ResponseRow.DefaultStart("T1").AddMinutes(10);

        var result = await CleanAsync(ResponseRow.Valid(wave: "T0").SubmittedAt(t1));

        SingleExclusion(result, CleaningRule.OutsideWindow, 2);
    }

    // ---- duplicate ---------------------------------------------------------------------------

    [Fact]
    public async Task OfTwoResponsesWithTheSameIdTheLastSubmittedIsKeptEvenWhenItIsTheFirstRow()
    {
        var start = ResponseRow.DefaultStart("T0");
        var result = await CleanAsync(
            ResponseRow.Valid(id: "same").Times(start, start.AddMinutes(30)),
            ResponseRow.Valid(id: "same").Times(start, start.AddMinutes(10)));

        var exclusion = SingleExclusion(result, CleaningRule.Duplicate, 3);
        Assert.True(result.Kept[0]);
        Assert.Equal("same", exclusion.ResponseId);
        Assert.Equal("same response id as row 2, which was submitted later", exclusion.Detail);
    }

    [Fact]
    public async Task OfTwoResponsesWithTheSameIdAndTheSameSubmissionTimeTheLaterRowIsKept()
    {
        var result = await CleanAsync(ResponseRow.Valid(id: "same"), ResponseRow.Valid(id: "same"));

        SingleExclusion(result, CleaningRule.Duplicate, 2);
        Assert.True(result.Kept[1]);
    }

    [Fact]
    public async Task OfThreeResponsesWithTheSameIdOnlyTheLastSubmittedIsKept()
    {
        var start = ResponseRow.DefaultStart("T0");
        var result = await CleanAsync(
            ResponseRow.Valid(id: "same").Times(start, start.AddMinutes(20)),
            ResponseRow.Valid(id: "same").Times(start, start.AddMinutes(30)),
            ResponseRow.Valid(id: "same").Times(start, start.AddMinutes(10)));

        Assert.Equal(new[] { false, true, false }, result.Kept);
        Assert.All(result.Exclusions, e => Assert.Equal(CleaningRule.Duplicate, e.Rule));
        Assert.Equal(new[] { 2, 4 }, result.Exclusions.Select(e => e.SourceRow));
        Assert.All(result.Exclusions, e => Assert.Contains("row 3", e.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OfTwoResponsesWithTheSameLinkageCodeSchoolAndWaveTheLastSubmittedIsKept()
    {
        var start = ResponseRow.DefaultStart("T0");
        var result = await CleanAsync(
            ResponseRow.Valid().Linkage("code-a").Times(start, start.AddDays(2)),
            ResponseRow.Valid().Linkage("code-a").Times(start, start.AddMinutes(10)));

        var exclusion = SingleExclusion(result, CleaningRule.Duplicate, 3);
        Assert.True(result.Kept[0]);
        Assert.Equal("same linkage code, school and wave as row 2, which was submitted later", exclusion.Detail);
    }

    [Fact]
    public async Task OfTwoResponsesWithTheSameLinkageCodeSchoolWaveAndTimeTheLaterRowIsKept()
    {
        var result = await CleanAsync(ResponseRow.Valid().Linkage("code-a"), ResponseRow.Valid().Linkage("code-a"));

        SingleExclusion(result, CleaningRule.Duplicate, 2);
    }

    [Fact]
    public async Task TheSameLinkageCodeInAnotherSchoolOrAnotherWaveIsNotADuplicate()
    {
        var result = await CleanAsync(
            ResponseRow.Valid("oostende-bs-01", "T0").Linkage("code-a"),
            ResponseRow.Valid("bredene-bs-01", "T0").Linkage("code-a"),
            ResponseRow.Valid("oostende-bs-01", "T1").Linkage("code-a"));

        AllKept(result);
    }

    [Fact]
    public async Task ResponsesWithoutALinkageCodeAreNotDuplicatesOfEachOther()
    {
        var result = await CleanAsync(ResponseRow.Valid(), ResponseRow.Valid(), ResponseRow.Valid());

        AllKept(result);
    }

    [Fact]
    public async Task ALateResubmissionOutsideTheWindowDoesNotDisplaceTheEarlierValidResponse()
    {
        var result = await CleanAsync(
            ResponseRow.Valid(id: "same").Linkage("code-a"),
            ResponseRow.Valid(id: "same").Linkage("code-a").SubmittedAt(T0Closes.AddDays(1)));

        SingleExclusion(result, CleaningRule.OutsideWindow, 3);
        Assert.True(result.Kept[0]);
    }

    // ---- incomplete --------------------------------------------------------------------------

    [Fact]
    public async Task AResponseAnsweringFewerThanHalfOfTheWavesItemsIsExcludedAsIncomplete()
    {
        // 35 items in T0; 17 answered < 0.5 × 35 = 17.5.
        var row = ResponseRow.Valid().All("bv", null).Answers("gl", null, null, null, null, null, null, null, null, null, 4, 4, 2, 5, 3, 4);
        Assert.Equal(17, row.Answered);

        var result = await CleanAsync(ResponseRow.Valid(), row);

        var exclusion = SingleExclusion(result, CleaningRule.Incomplete, 3);
        Assert.Equal("17 of 35 items answered (minimum share 0.5)", exclusion.Detail);
    }

    [Fact]
    public async Task AResponseAnsweringHalfOfTheWavesItemsRoundedUpIsKept()
    {
        var row = ResponseRow.Valid().All("bv", null).Answers("gl", null, null, null, null, null, null, null, null, 5, 1, 4, 4, 2, 5, 3);
        Assert.Equal(18, row.Answered);

        AllKept(await CleanAsync(row));
    }

    [Fact]
    public async Task AResponseAnsweringExactlyTheMinimumShareIsKeptAndOneItemLessIsNot()
    {
        // 0.4 × 35 = 14 items exactly.
        using var copy = TestStudy.Copy().SetCleaning("incomplete", "minAnsweredShare", 0.4);
        var study = await copy.LoadAsync();
        var fourteen = ResponseRow.Valid().All("bv", null).Answers("gl", 4, 5, 4, null, null, null, null, null, null, null, null, null, null, null, null);
        var thirteen = ResponseRow.Valid().All("bv", null).Answers("gl", 4, 5, null, null, null, null, null, null, null, null, null, null, null, null, null);
        Assert.Equal(14, fourteen.Answered);
        Assert.Equal(13, thirteen.Answered);

        var result = await CleanAsync(study, fourteen, thirteen);

        var exclusion = SingleExclusion(result, CleaningRule.Incomplete, 3);
        Assert.Equal("13 of 35 items answered (minimum share 0.4)", exclusion.Detail);
    }

    [Fact]
    public async Task TheShareAnsweredCountsOnlyTheItemsOfTheInstrumentsTheWaveAdministers()
    {
        // A copy whose T1 administers only bevlogenheid (9 items): 5 answers are more than half.
        using var copy = TestStudy.Copy().EditStudy(s => s["waves"]![1]!["instruments"] = new JsonArray("bevlogenheid"));
        var study = await copy.LoadAsync();
        var five = ResponseRow.Valid(wave: "T1").All("wb", null).All("dk", null).All("gl", null).Answers("bv", 4, 5, 3, 4, 2, null, null, null, null);
        var four = ResponseRow.Valid(wave: "T1").All("wb", null).All("dk", null).All("gl", null).Answers("bv", 4, 5, 3, 4, null, null, null, null, null);

        var result = await CleanAsync(study, five, four);

        var exclusion = SingleExclusion(result, CleaningRule.Incomplete, 3);
        Assert.Equal("4 of 9 items answered (minimum share 0.5)", exclusion.Detail);
    }

    // ---- speeder -----------------------------------------------------------------------------

    [Fact]
    public async Task AResponseAtExactlyTheMinimumSecondsPerItemIsKept()
    {
        AllKept(await CleanAsync(ResponseRow.Valid().Duration(35)));
    }

    [Fact]
    public async Task AResponseFasterThanTheMinimumSecondsPerItemIsExcludedAsSpeeder()
    {
        var result = await CleanAsync(ResponseRow.Valid().Duration(34));

        var exclusion = SingleExclusion(result, CleaningRule.Speeder, 2);
        Assert.Equal("34 s for 35 items = 0.97 s per item (minimum 1)", exclusion.Detail);
    }

    [Fact]
    public async Task SecondsPerItemCountOnlyTheAnsweredItems()
    {
        // 18 answered items: 18 s is exactly 1 s per answered item, 17 s is not.
        ResponseRow Eighteen() => ResponseRow.Valid().All("bv", null).Answers("gl", null, null, null, null, null, null, null, null, 5, 1, 4, 4, 2, 5, 3);

        var result = await CleanAsync(Eighteen().Duration(18), Eighteen().Duration(17));

        var exclusion = SingleExclusion(result, CleaningRule.Speeder, 3);
        Assert.Equal("17 s for 18 items = 0.94 s per item (minimum 1)", exclusion.Detail);
    }

    [Fact]
    public async Task TheMinimumSecondsPerItemIsTheStudysSetting()
    {
        using var copy = TestStudy.Copy().SetCleaning("speeders", "minSecondsPerItem", 2.5);
        var study = await copy.LoadAsync();

        // 87.5 s for 35 items = 2.5 s per item: kept; 87 s: 2.49 s per item.
        var result = await CleanAsync(study, ResponseRow.Valid().Duration(87.5), ResponseRow.Valid().Duration(87));

        var exclusion = SingleExclusion(result, CleaningRule.Speeder, 3);
        Assert.Equal("87 s for 35 items = 2.49 s per item (minimum 2.5)", exclusion.Detail);
    }

    // ---- straight_liner ----------------------------------------------------------------------

    [Fact]
    public async Task OneAnswerToEveryItemOfABatteryWithReverseKeyedItemsIsExcludedAsStraightLiner()
    {
        var result = await CleanAsync(ResponseRow.Valid().All("gl", 3));

        var exclusion = SingleExclusion(result, CleaningRule.StraightLiner, 2);
        Assert.Equal("answered 3 to all 15 answered items of 'gedeeld-leiderschap', which has reverse-keyed items (minimum 6)", exclusion.Detail);
    }

    [Fact]
    public async Task TheBatteryIsTheWholeInstrumentAcrossItsScales()
    {
        // welbevinden: the wb scale (0–5, no reverse-keyed items) and draagkracht (1–5, reverse-keyed items).
        var result = await CleanAsync(ResponseRow.Valid().All("wb", 2).All("dk", 2), ResponseRow.Valid().All("wb", 2));

        var exclusion = SingleExclusion(result, CleaningRule.StraightLiner, 2);
        Assert.Equal("answered 2 to all 11 answered items of 'welbevinden', which has reverse-keyed items (minimum 6)", exclusion.Detail);
    }

    [Fact]
    public async Task OneAnswerToEveryItemOfABatteryWithoutReverseKeyedItemsIsKept()
    {
        AllKept(await CleanAsync(ResponseRow.Valid().All("bv", 3), ResponseRow.Valid().All("bv", 6), ResponseRow.Valid().All("bv", 0)));
    }

    [Fact]
    public async Task ExactlyTheMinimumNumberOfIdenticalAnswersIsAStraightLineAndOneFewerIsNot()
    {
        var six = ResponseRow.Valid().Answers("gl", 3, 3, 3, 3, 3, 3, null, null, null, null, null, null, null, null, null);
        var five = ResponseRow.Valid().Answers("gl", 3, 3, 3, 3, 3, null, null, null, null, null, null, null, null, null, null);

        var result = await CleanAsync(six, five);

        var exclusion = SingleExclusion(result, CleaningRule.StraightLiner, 2);
        Assert.Equal("answered 3 to all 6 answered items of 'gedeeld-leiderschap', which has reverse-keyed items (minimum 6)", exclusion.Detail);
    }

    [Fact]
    public async Task StraightLiningIsJudgedOnTheRawAnswersNotOnTheRecodedOnes()
    {
        // 5 to every positively keyed item and 1 to the reverse-keyed gl_04, gl_08, gl_10, gl_13:
        // consistent (recoded, all 5), and not one identical raw answer.
        var consistent = ResponseRow.Valid().Answers("gl", 5, 5, 5, 1, 5, 5, 5, 1, 5, 1, 5, 5, 1, 5, 5);

        AllKept(await CleanAsync(consistent));
    }

    [Fact]
    public async Task TheMinimumNumberOfItemsOfAStraightLineIsTheStudysSetting()
    {
        using var copy = TestStudy.Copy().SetCleaning("straightLiners", "minItems", 16);
        var study = await copy.LoadAsync();

        AllKept(await CleanAsync(study, ResponseRow.Valid().All("gl", 3)));
    }

    // ---- order of the rules ------------------------------------------------------------------

    /// <summary>Incomplete (17 of 35 answered), a straight line on gedeeld-leiderschap, and fast (17 s).</summary>
    private static ResponseRow BreaksEveryRule(string id, DateTimeOffset submitted) =>
        ResponseRow.Valid(id: id).All("bv", null).All("dk", null).Answers("wb", 3, 2, null, null, null).All("gl", 3)
            .Times(submitted.AddSeconds(-17), submitted);

    [Fact]
    public async Task ARowBreakingEveryRuleIsLoggedOnlyUnderOutsideWindow()
    {
        var result = await CleanAsync(ResponseRow.Valid(id: "same"), BreaksEveryRule("same", T0Closes.AddDays(1)));

        SingleExclusion(result, CleaningRule.OutsideWindow, 3);
    }

    [Fact]
    public async Task ARowBreakingEveryRuleButTheWindowIsLoggedUnderIncompleteAndItsValidCopyIsKept()
    {
        // Quality rules run before duplicates (docs/methods.md), so the broken copy is not a duplicate of anything kept.
        var start = ResponseRow.DefaultStart("T0");
        var result = await CleanAsync(BreaksEveryRule("same", start.AddMinutes(1)), ResponseRow.Valid(id: "same").Times(start, start.AddMinutes(20)));

        SingleExclusion(result, CleaningRule.Incomplete, 2);
        Assert.True(result.Kept[1]);
    }

    [Fact]
    public async Task AnIncompleteFastStraightLinerIsLoggedOnlyUnderIncomplete()
    {
        var row = BreaksEveryRule("single", ResponseRow.DefaultStart("T0").AddMinutes(1));
        Assert.Equal(17, row.Answered);

        SingleExclusion(await CleanAsync(row), CleaningRule.Incomplete, 2);
    }

    [Fact]
    public async Task AFastStraightLinerIsLoggedOnlyUnderSpeeder()
    {
        SingleExclusion(await CleanAsync(ResponseRow.Valid().All("gl", 3).Duration(10)), CleaningRule.Speeder, 2);
    }

    [Fact]
    public async Task AValidResponseIsKeptWhenItsLaterDuplicateIsASpeeder()
    {
        var start = ResponseRow.DefaultStart("T0");
        var result = await CleanAsync(
            ResponseRow.Valid(id: "same").Times(start, start.AddMinutes(10)),
            ResponseRow.Valid(id: "same").Times(start.AddMinutes(20), start.AddMinutes(20).AddSeconds(5)));

        SingleExclusion(result, CleaningRule.Speeder, 3);
        Assert.True(result.Kept[0]);
    }

    [Fact]
    public async Task AValidResponseIsKeptWhenItsLaterDuplicateIsAStraightLiner()
    {
        var start = ResponseRow.DefaultStart("T0");
        var result = await CleanAsync(
            ResponseRow.Valid(id: "same").Linkage("person-a").Times(start, start.AddMinutes(10)),
            ResponseRow.Valid(id: "other").Linkage("person-a").All("gl", 3).Times(start.AddMinutes(20), start.AddMinutes(30)));

        SingleExclusion(result, CleaningRule.StraightLiner, 3);
        Assert.Equal(1, result.KeptCount);
        Assert.True(result.Kept[0]);
    }

    // ---- which time each rule uses -----------------------------------------------------------

    private static async Task<CleaningResult> CleanWithReceivedAsync(params ResponseRow[] rows)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ResponseRow.Csv(rows, [.. ResponseRow.Header, "received"])));
        var raw = await new Monitoring.Analysis.Responses.RawResponseReader(await TestStudy.SampleAsync()).ReadAsync(stream, "test.csv");
        Assert.Empty(raw.Problems);
        return ResponseCleaning.Apply(raw.Table);
    }

    [Fact]
    public async Task AResponseFromADeviceSetTo2020ReceivedInsideTheWindowIsKept()
    {
        var deviceSubmitted = new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.FromHours(1));
        var row = ResponseRow.Valid().Times(deviceSubmitted.AddMinutes(-12), deviceSubmitted).Set("received", ResponseRow.Text(T0Opens.AddDays(3)));

        var result = await CleanWithReceivedAsync(row);

        AllKept(result);
    }

    [Fact]
    public async Task TheReceivedColumnDecidesTheWindowEvenWhenTheDevicesSubmittedLiesInsideIt()
    {
        var row = ResponseRow.Valid().SubmittedAt(T0Closes.AddMinutes(-1)).Set("received", ResponseRow.Text(T0Closes.AddDays(30)));

        var exclusion = SingleExclusion(await CleanWithReceivedAsync(row), CleaningRule.OutsideWindow, 2);

        Assert.StartsWith("received ", exclusion.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFastResponseFromADeviceWhoseClockIsADayOffIsNotJudgedAsASpeederAndIsCounted()
    {
        var received = T0Opens.AddDays(3);
        var row = ResponseRow.Valid().Times(received.AddDays(-2).AddSeconds(-5), received.AddDays(-2)).Set("received", ResponseRow.Text(received));

        var result = await CleanWithReceivedAsync(row);

        AllKept(result);
        Assert.Equal(1, result.SpeedNotJudged);
    }

    [Fact]
    public async Task AFastResponseFromADeviceWhoseClockAgreesWithTheServerIsStillASpeeder()
    {
        var received = T0Opens.AddDays(3);
        var row = ResponseRow.Valid().Times(received.AddMinutes(-1).AddSeconds(-5), received.AddMinutes(-1)).Set("received", ResponseRow.Text(received));

        SingleExclusion(await CleanWithReceivedAsync(row), CleaningRule.Speeder, 2);
    }

    // ---- each rule can be switched off -------------------------------------------------------

    public static TheoryData<string, string> Rules => new()
    {
        { "outsideWindow", "outside" },
        { "duplicates", "duplicate" },
        { "incomplete", "incomplete" },
        { "speeders", "speeder" },
        { "straightLiners", "straight" },
    };

    private static ResponseRow[] Offending(string what) => what switch
    {
        "outside" => [ResponseRow.Valid().SubmittedAt(T0Closes.AddSeconds(1))],
        "duplicate" => [ResponseRow.Valid(id: "same").Linkage("code-a"), ResponseRow.Valid(id: "same").Linkage("code-a")],
        "incomplete" => [ResponseRow.Valid().All("bv", null).All("gl", null)],
        "speeder" => [ResponseRow.Valid().Duration(5)],
        "straight" => [ResponseRow.Valid().All("gl", 3)],
        _ => throw new ArgumentOutOfRangeException(nameof(what)),
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task ARuleSwitchedOffInTheStudyKeepsTheRowsItWouldExclude(string rule, string what)
    {
        var sample = await TestStudy.SampleAsync();
        Assert.NotEmpty((await CleanAsync(sample, Offending(what))).Exclusions);
        using var copy = TestStudy.Copy().SetCleaning(rule, "enabled", false);
        var study = await copy.LoadAsync();

        AllKept(await CleanAsync(study, Offending(what)));
    }
}
