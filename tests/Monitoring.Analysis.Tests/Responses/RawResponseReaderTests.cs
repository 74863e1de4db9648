using System.Text;
using Monitoring.Analysis.Responses;
using Monitoring.Tests.Shared;

namespace Monitoring.Analysis.Tests.Responses;

/// <summary>How rows are checked (docs/formats.md, "Raw responses"): every problem of a row is reported, the row is left out, nothing throws.</summary>
public class RawResponseReaderTests
{
    private static async Task<RawResponses> ReadAsync(string csv) =>
        await new RawResponseReader(await TestStudy.SampleAsync()).ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "test.csv");

    private static Task<RawResponses> ReadAsync(params ResponseRow[] rows) => ReadAsync(ResponseRow.Csv(rows));

    private static string[] Texts(RawResponses raw) => [.. raw.Problems.Select(p => p.ToString()).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task AValidRowIsReadIntoTheTableWithItsRawAnswers()
    {
        var raw = await ReadAsync(ResponseRow.Valid(id: "a1").Linkage("code").Set("language", "en"));

        Assert.Empty(raw.Problems);
        Assert.Equal(1, raw.RowsRead);
        var table = raw.Table;
        Assert.Equal("a1", table.ResponseIds[0]);
        Assert.Equal("code", table.Linkage[0]);
        Assert.Equal(1, table.Languages[0]);
        Assert.Equal(2, table.SourceRows[0]);
        Assert.Equal(2f, table.Answers[6][0]); // dk_02 as answered, not recoded
        Assert.Equal(new DateTimeOffset(2021, 10, 5, 9, 0, 0, TimeSpan.FromHours(2)), table.Started[0]);
    }

    [Fact]
    public async Task EveryProblemOfARowIsReportedWithRowColumnAndValueAndTheRowIsLeftOut()
    {
        var raw = await ReadAsync(
            ResponseRow.Valid(),
            ResponseRow.Valid(id: "bad").Set("school", "onbekende-school").Set("role", "pupil").Set("wb_02", "7").Set("bv_03", "x").Set("dk_01", "2.5"));

        Assert.Equal(2, raw.RowsRead);
        Assert.Equal(1, raw.Table.Count);
        Assert.Equal(1, raw.RowsExcluded);
        Assert.All(raw.Problems, p => Assert.Equal("bad", p.ResponseId));
        Assert.Equal(
            new[]
            {
                "row 3, column 'bv_03', value 'x': Not a number.",
                "row 3, column 'dk_01', value '2.5': Outside the item's range: a whole number from 1 to 5.",
                "row 3, column 'role', value 'pupil': Unknown role: the study does not define it.",
                "row 3, column 'school', value 'onbekende-school': Unknown school: the study does not define it.",
                "row 3, column 'wb_02', value '7': Outside the item's range: a whole number from 0 to 5.",
            },
            Texts(raw));
    }

    [Fact]
    public async Task TimestampsNeedAnOffsetAndSubmittedCannotPrecedeStarted()
    {
        var raw = await ReadAsync(
            ResponseRow.Valid(id: "nooffset").Set("started", "2021-10-05T09:00:00"),
            ResponseRow.Valid(id: "backwards").Set("started", "2021-10-05T09:30:00+02:00").Set("submitted", "2021-10-05T09:10:00+02:00"),
            ResponseRow.Valid(id: "utc").Set("started", "2021-10-05T07:00:00Z").Set("submitted", "2021-10-05T07:10:00.250Z"));

        Assert.Equal(1, raw.Table.Count);
        Assert.Equal("utc", raw.Table.ResponseIds[0]);
        Assert.Equal(new DateTimeOffset(2021, 10, 5, 7, 10, 0, 250, TimeSpan.Zero), raw.Table.Submitted[0]);
        Assert.Equal(
            new[]
            {
                "row 2, column 'started', value '2021-10-05T09:00:00': Not an ISO 8601 date-time with an offset, e.g. 2021-10-05T09:13:22+02:00.",
                "row 3, column 'submitted', value '2021-10-05T09:10:00+02:00': Submitted before it was started.",
            },
            Texts(raw));
    }

    [Fact]
    public async Task AnAnswerToAnInstrumentTheWaveDoesNotAdministerIsAProblem()
    {
        using var copy = TestStudy.Copy().EditStudy(s => s["waves"]![1]!["instruments"] = new System.Text.Json.Nodes.JsonArray("welbevinden", "gedeeld-leiderschap"));
        var study = await copy.LoadAsync();
        var csv = ResponseRow.Csv([ResponseRow.Valid(wave: "T1").Answers("bv", 4, null, null, null, null, null, null, null, null)]);

        var raw = await new RawResponseReader(study).ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "test.csv");

        Assert.Equal(0, raw.Table.Count);
        Assert.Equal(new[] { "row 2, column 'bv_01', value '4': Wave 'T1' does not include instrument 'bevlogenheid'." }, Texts(raw));
    }

    [Fact]
    public async Task MalformedIdsLanguagesAndFieldCountsAreProblems()
    {
        var header = string.Join(',', ResponseRow.Header);
        var good = ResponseRow.Csv([ResponseRow.Valid(id: "x")]).Split('\n')[1];
        var csv = header + "\n"
            + good.Replace("x,", "bad id!,", StringComparison.Ordinal) + "\n"
            + good.Replace(",nl,", ",fr,", StringComparison.Ordinal) + "\n"
            + good + ",extra\n";

        var raw = await ReadAsync(csv);

        Assert.Equal(3, raw.RowsRead);
        Assert.Equal(0, raw.Table.Count);
        var problems = Texts(raw);
        Assert.Contains("row 2, column 'response_id', value 'bad id!': A response id has 1–64 letters, digits, '-' or '_'.", problems);
        Assert.Contains("row 3, column 'language', value 'fr': The language is 'nl' or 'en'.", problems);
        Assert.Contains($"row 4: The row has {ResponseRow.Header.Length + 1} fields; the header has {ResponseRow.Header.Length}.", problems);
    }

    [Fact]
    public async Task AnUnknownColumnIsReportedOnceAndTheRowsAreStillRead()
    {
        var csv = ResponseRow.Csv([ResponseRow.Valid().Set("remark", "hi")], [.. ResponseRow.Header, "remark"]);

        var raw = await ReadAsync(csv);

        Assert.Equal(1, raw.Table.Count);
        var problem = Assert.Single(raw.Problems);
        Assert.Equal(1, problem.Row);
        Assert.Equal("remark", problem.Column);
    }

    [Fact]
    public async Task AnItemWithoutAColumnIsReadAsMissing()
    {
        var csv = ResponseRow.Csv([ResponseRow.Valid()], [.. ResponseRow.Header.Where(c => c != "wb_05")]);

        var raw = await ReadAsync(csv);

        Assert.Equal(1, raw.Table.Count);
        Assert.True(float.IsNaN(raw.Table.Answers[4][0]));
        var problem = Assert.Single(raw.Problems);
        Assert.Equal("row 1, column 'wb_05': The study's item has no column: its answers are read as missing.", problem.ToString());
    }

    [Theory]
    [InlineData("submitted")]
    [InlineData("school")]
    public async Task AMissingRequiredColumnMeansNoRowIsRead(string column)
    {
        var csv = ResponseRow.Csv([ResponseRow.Valid(), ResponseRow.Valid()], [.. ResponseRow.Header.Where(c => c != column)]);

        var raw = await ReadAsync(csv);

        Assert.Equal(0, raw.Table.Count);
        Assert.Contains(raw.Problems, p => p.Row == 1 && p.Column == column && p.Reason.Contains("no row can be read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADuplicateColumnMeansNoRowIsRead()
    {
        var csv = ResponseRow.Csv([ResponseRow.Valid()], [.. ResponseRow.Header, "wb_01"]);

        var raw = await ReadAsync(csv);

        Assert.Equal(0, raw.Table.Count);
        Assert.Contains(raw.Problems, p => p.Row == 1 && p.Column == "wb_01" && p.Reason.Contains("appears twice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEmptyFileIsAProblemNotAnError()
    {
        var raw = await ReadAsync("");

        Assert.Equal(0, raw.RowsRead);
        Assert.Equal("row 1: The file is empty: it has no header row.", Assert.Single(raw.Problems).ToString());
    }

    [Fact]
    public async Task AFileSavedBySpreadsheetsWithAByteOrderMarkAndCrlfLineEndsIsRead()
    {
        var csv = ResponseRow.Csv([ResponseRow.Valid(id: "a1"), ResponseRow.Valid(id: "a2")]).Replace("\n", "\r\n", StringComparison.Ordinal);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();

        var raw = await new RawResponseReader(await TestStudy.SampleAsync()).ReadAsync(new MemoryStream(bytes), "excel.csv");

        Assert.Empty(raw.Problems);
        Assert.Equal(new[] { "a1", "a2" }, raw.Table.ResponseIds.Take(raw.Table.Count));
        Assert.Equal(4f, raw.Table.Answers[34][1]); // bv_09, the last field before CRLF
    }
}
