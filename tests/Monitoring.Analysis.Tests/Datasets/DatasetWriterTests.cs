using System.Globalization;
using System.Text;
using Monitoring.Analysis.Datasets;
using Monitoring.Analysis.Responses;
using Monitoring.Tests.Shared;

namespace Monitoring.Analysis.Tests.Datasets;

/// <summary>The datasets as files (docs/formats.md, "Outputs"), read back with a parser of the tests' own.</summary>
public class DatasetWriterTests
{
    private static async Task<TemporaryDirectory> WriteAsync(params ResponseRow[] rows)
    {
        var outcome = await TestResponses.AnalyseAsync(rows);
        var folder = new TemporaryDirectory();
        DatasetWriter.Write(folder.Path, outcome, "hash", new StepTimings());
        return folder;
    }

    private static IEnumerable<ResponseRow> Scores(string school, string wave, params int[] scores) =>
        scores.Select(s => ResponseRow.Valid(school, wave).Welbevinden(s));

    [Fact]
    public async Task EveryDatasetIsWrittenAsUtf8WithoutByteOrderMarkAndNewlineLineEnds()
    {
        using var folder = await WriteAsync([.. Scores("oostende-bs-01", "T0", 1, 2, 3, 4, 5)]);

        foreach (var file in DatasetWriter.Files)
        {
            var bytes = await File.ReadAllBytesAsync(folder.File(file));
            Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), file);
            if (file.EndsWith(".csv", StringComparison.Ordinal))
            {
                var table = CsvTable.Parse(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
                Assert.NotEmpty(table.Header);
            }
        }
    }

    [Fact]
    public async Task ASuppressedAggregateRowCarriesNoStatisticsNotEvenN()
    {
        using var folder = await WriteAsync([.. Scores("oostende-bs-01", "T0", 1, 2, 3, 4, 5), .. Scores("bredene-bs-01", "T0", 2, 3, 4, 5)]);
        var aggregates = CsvTable.Read(folder.File("aggregates.csv"));

        var suppressed = aggregates.Single(("level", "school"), ("unit", "bredene-bs-01"), ("wave", "T0"), ("scale", "welbevinden"));
        foreach (var column in new[] { "n", "mean", "sd", "se", "ci_low", "ci_high" }) Assert.Equal("", suppressed[column]);
        Assert.Equal("true", suppressed["suppressed"]);
        Assert.Equal("below threshold", suppressed["suppression_reason"]);

        // oostende's 5 scores are shown alone next to bredene's 4: complementary.
        var complementary = aggregates.Single(("level", "school"), ("unit", "oostende-bs-01"), ("wave", "T0"), ("scale", "welbevinden"));
        Assert.Equal("", complementary["n"]);
        Assert.Equal("complementary", complementary["suppression_reason"]);

        // The network shows 9 scores: mean 29 / 9.
        var network = aggregates.Single(("level", "network"), ("unit", "kust-en-polder"), ("wave", "T0"), ("scale", "welbevinden"));
        Assert.Equal("9", network["n"]);
        Assert.Equal("3.2222222", network["mean"]);
        Assert.Equal("false", network["suppressed"]);
        Assert.Equal("", network["suppression_reason"]);
        Assert.Equal(aggregates.Header, new[] { "level", "unit", "unit_name", "wave", "scale", "n", "mean", "sd", "se", "ci_low", "ci_high", "suppressed", "suppression_reason" });
    }

    [Fact]
    public async Task ASuppressedChangeAndResponseRateCarryNoCountsOrStatistics()
    {
        using var folder = await WriteAsync([.. Scores("oostende-bs-01", "T0", 1, 2, 3, 4, 5, 5), .. Scores("oostende-bs-01", "T1", 1, 2)]);

        var change = CsvTable.Read(folder.File("change.csv")).Single(("level", "school"), ("unit", "oostende-bs-01"), ("scale", "welbevinden"), ("from_wave", "T0"), ("to_wave", "T1"));
        foreach (var column in new[] { "n_from", "n_to", "mean_from", "mean_to", "difference", "ci_low", "ci_high", "cohens_d" }) Assert.Equal("", change[column]);
        Assert.Equal("true", change["suppressed"]);

        var rates = CsvTable.Read(folder.File("response_rates.csv"));
        var t1 = rates.Single(("school", "oostende-bs-01"), ("wave", "T1"));
        Assert.Equal("", t1["responses"]);
        Assert.Equal("", t1["rate"]);
        Assert.Equal("true", t1["suppressed"]);
        var t0 = rates.Single(("school", "oostende-bs-01"), ("wave", "T0"));
        Assert.Equal("6", t0["responses"]);
        Assert.Equal("41", t0["staff"]);
        Assert.Equal("0.14634146", t0["rate"]); // 6 / 41 to 8 significant digits
        Assert.Equal("kust-en-polder", t0["network"]);
    }

    [Fact]
    public async Task NegativeStatisticsAreNumbersNotEscapedText()
    {
        using var folder = await WriteAsync([.. Scores("oostende-bs-01", "T0", 1, 2, 3, 4, 5), .. Scores("oostende-bs-01", "T1", 2, 2, 3, 3, 4)]);

        var change = CsvTable.Read(folder.File("change.csv")).Single(("level", "school"), ("unit", "oostende-bs-01"), ("scale", "welbevinden"), ("from_wave", "T0"), ("to_wave", "T1"));

        Assert.Equal("-0.2", change["difference"]);
        Assert.StartsWith("-", change["ci_low"], StringComparison.Ordinal);
        Assert.StartsWith("-", change["cohens_d"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResponsesHoldRecodedReverseKeyedItemsAndScores()
    {
        using var folder = await WriteAsync(ResponseRow.Valid(id: "only").Answers("dk", 1, 2, 3, 4, 5, 1).Linkage("abc"));
        var responses = CsvTable.Read(folder.File("responses.csv"));

        var row = responses.Single(("response_id", "only"));
        Assert.Equal(new[] { "1", "4", "3", "2", "5", "5" }, new[] { "dk_01", "dk_02", "dk_03", "dk_04", "dk_05", "dk_06" }.Select(c => row[c]));
        Assert.Equal("3.333333", row["draagkracht"]); // 20 / 6 to 7 significant digits
        Assert.Equal("2.8", row["welbevinden"]);      // (3 + 2 + 4 + 3 + 2) / 5
        Assert.Equal("kust-en-polder", row["network"]);
        Assert.Equal("samen-scholing", row["trajectory"]);
        Assert.Equal("2021-10-05T09:00:00+02:00", row["started"]);
        Assert.Equal("abc", row["linkage_code"]);
        Assert.Equal(ResponseRow.Header.Length + 10 + 2, responses.Header.Length); // + network, trajectory; + 10 scales
    }

    [Fact]
    public async Task TimesAreWrittenToTheSecondWithTheirOffset()
    {
        var start = ResponseRow.DefaultStart("T0");
        var outcome = await TestResponses.AnalyseAsync(
            ResponseRow.Valid(id: "west").Times(start.ToOffset(TimeSpan.FromMinutes(-210)).AddMilliseconds(999), start.AddMinutes(10).ToOffset(TimeSpan.Zero)),
            ResponseRow.Valid(id: "east").Times(start.ToOffset(TimeSpan.FromMinutes(345)), start.AddMinutes(10).ToOffset(TimeSpan.FromHours(14))));
        using var folder = new TemporaryDirectory();
        DatasetWriter.Write(folder.Path, outcome, "hash", new StepTimings());
        var responses = CsvTable.Read(folder.File("responses.csv"));

        var table = outcome.Scored.Table;
        for (var row = 0; row < table.Count; row++)
        {
            var written = responses.Single(("response_id", table.ResponseId(row)));
            Assert.Equal(table.Started[row].ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), written["started"]);
            Assert.Equal(table.Submitted[row].ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), written["submitted"]);
        }
        Assert.Equal("2021-10-05T03:30:00-03:30", responses.Single(("response_id", "west"))["started"]);
        Assert.Equal("2021-10-05T07:10:00+00:00", responses.Single(("response_id", "west"))["submitted"]);
        Assert.Equal("2021-10-05T12:45:00+05:45", responses.Single(("response_id", "east"))["started"]);
    }

    [Fact]
    public async Task TextStartingLikeASpreadsheetFormulaIsPrefixedWithAQuote()
    {
        using var folder = await WriteAsync(
            ResponseRow.Valid(id: "-12345").Linkage("=HYPERLINK(\"http://x\";\"y\")"),
            ResponseRow.Valid(id: "plain1").Linkage("+32"),
            ResponseRow.Valid(id: "plain2").Linkage("@SUM(A1)"),
            ResponseRow.Valid(id: "plain3").Linkage("-5"));

        var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(folder.File("responses.csv")));
        var responses = CsvTable.Parse(text);

        Assert.Equal("'=HYPERLINK(\"http://x\";\"y\")", responses.Single(("response_id", "'-12345"))["linkage_code"]);
        Assert.Equal("'+32", responses.Single(("response_id", "plain1"))["linkage_code"]);
        Assert.Equal("'@SUM(A1)", responses.Single(("response_id", "plain2"))["linkage_code"]);
        Assert.Equal("'-5", responses.Single(("response_id", "plain3"))["linkage_code"]);
        // In the bytes, no field starts with a formula character.
        foreach (var c in new[] { '=', '+', '@', '-' })
        {
            Assert.DoesNotContain("," + c, text, StringComparison.Ordinal);
            Assert.DoesNotContain("\n" + c, text, StringComparison.Ordinal);
            Assert.DoesNotContain(",\"" + c, text, StringComparison.Ordinal);
            Assert.DoesNotContain("\n\"" + c, text, StringComparison.Ordinal);
        }
        Assert.Contains("'=HYPERLINK(", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NumbersAreWrittenInTheInvariantCultureWhateverTheCurrentCulture()
    {
        var nl = CultureInfo.GetCultureInfo("nl-BE");
        Assert.Equal(",", nl.NumberFormat.NumberDecimalSeparator);
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = nl;
        CultureInfo.CurrentUICulture = nl;
        try
        {
            using var folder = await WriteAsync([.. Scores("oostende-bs-01", "T0", 1, 2, 3, 4, 5), .. Scores("bredene-bs-01", "T0", 3, 3, 4, 5, 5, 4)]);

            var network = CsvTable.Read(folder.File("aggregates.csv")).Single(("level", "network"), ("unit", "kust-en-polder"), ("wave", "T0"), ("scale", "welbevinden"));
            Assert.Equal("3.5454545", network["mean"]); // 39 / 11
            Assert.Equal((39.0 / 11) - (2.2281388519862739 * Math.Sqrt(184.0 / 110 / 11)), network.Number("ci_low"), 5e-7);
            var responses = CsvTable.Read(folder.File("responses.csv"));
            // draagkracht of the default answers 4 2 4 1 5 2, recoded 4 4 4 5 5 4: 26 / 6.
            Assert.Equal("4.333333", responses.Rows[0][responses.Column("draagkracht")]);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = ui;
        }
    }

    [Fact]
    public async Task TheCleaningLogListsUnreadableRowsWithEveryProblemAndExcludedRowsWithTheirRule()
    {
        var study = await TestStudy.SampleAsync();
        var csv = ResponseRow.Csv(
        [
            ResponseRow.Valid(id: "bad").Set("school", "onbekende-school").Set("wb_02", "7"),
            ResponseRow.Valid(id: "fast").Duration(10),
            ResponseRow.Valid(id: "good"),
        ]);
        var raw = await new RawResponseReader(study).ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "test.csv");
        var outcome = AnalysisPipeline.Run(raw, new StepTimings());
        using var folder = new TemporaryDirectory();
        DatasetWriter.Write(folder.Path, outcome, "hash", new StepTimings());

        var log = CsvTable.Read(folder.File("cleaning_log.csv"));

        Assert.Equal(new[] { "source_row", "response_id", "school", "wave", "rule", "detail" }, log.Header);
        Assert.Equal(2, log.Rows.Count);
        var bad = log.Single(("response_id", "bad"));
        Assert.Equal("2", bad["source_row"]);
        Assert.Equal("", bad["school"]);
        Assert.Equal("T0", bad["wave"]);
        Assert.Equal("invalid", bad["rule"]);
        Assert.Contains("school = 'onbekende-school': Unknown school", bad["detail"], StringComparison.Ordinal);
        Assert.Contains("wb_02 = '7': Outside the item's range: a whole number from 0 to 5.", bad["detail"], StringComparison.Ordinal);
        var fast = log.Single(("response_id", "fast"));
        Assert.Equal(new[] { "3", "fast", "oostende-bs-01", "T0", "speeder", "10 s for 35 items = 0.29 s per item (minimum 1)" }, fast.Values);
    }

    [Fact]
    public async Task TheCleaningLogNamesTheSchoolAndWaveOfAnUnreadableRowWhenTheyAreValid()
    {
        var study = await TestStudy.SampleAsync();
        var csv = ResponseRow.Csv([ResponseRow.Valid("bredene-bs-01", "T1", id: "bad").Set("wb_02", "7"), ResponseRow.Valid(id: "good")]);
        var raw = await new RawResponseReader(study).ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "test.csv");
        var outcome = AnalysisPipeline.Run(raw, new StepTimings());
        using var folder = new TemporaryDirectory();
        DatasetWriter.Write(folder.Path, outcome, "hash", new StepTimings());

        var bad = CsvTable.Read(folder.File("cleaning_log.csv")).Single(("response_id", "bad"));

        Assert.Equal(("2", "bredene-bs-01", "T1", "invalid"), (bad["source_row"], bad["school"], bad["wave"], bad["rule"]));
    }
}
