using System.Text;
using Monitoring.Analysis.Cleaning;
using Monitoring.Analysis.Responses;
using Monitoring.Analysis.Scoring;
using Monitoring.Core.Instruments;
using Monitoring.Core.Responses;
using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Tests.Responses;

public sealed class RawResponseReaderTests
{
    /// <summary>The sample study with bevlogenheid left out of T1, so that an answer can be given to an instrument a wave lacks.</summary>
    private static async Task<Study> StudyWithoutEngagementAtT1Async()
    {
        var s = await SampleStudy.LoadAsync();
        var waves = s.Waves.Select(w => w.Id.Value == "T1"
            ? new Wave(w.Id, w.Name, w.Opens, w.Closes, w.Instruments.Where(i => i.Value != "bevlogenheid").ToArray())
            : w).ToArray();
        return new Study(s.Id, s.Name, s.Trajectories, s.Networks, s.Schools, s.Roles, waves, s.Instruments, s.Analysis);
    }

    private static string[] Columns(Study study) => [.. RawResponseColumns.Ordered, .. study.Items.Select(i => i.Id.Value)];

    /// <summary>A valid row: every item of the wave answered 3, others empty; <paramref name="changes"/> override columns.</summary>
    private static string Row(Study study, string id, params (string Column, string Value)[] changes)
    {
        var wave = changes.FirstOrDefault(c => c.Column == "wave").Value ?? "T0";
        var inWave = study.FindWave(new WaveId(wave)) is { } w ? study.ItemsOf(w).Select(i => i.Id.Value).ToHashSet() : [];
        var values = new Dictionary<string, string>
        {
            ["response_id"] = id, ["school"] = "gent-bs-01", ["wave"] = wave, ["role"] = "teacher", ["linkage_code"] = "",
            ["started"] = "2021-10-05T09:00:00+02:00", ["submitted"] = "2021-10-05T09:13:22+02:00", ["language"] = "nl",
        };
        foreach (var item in study.Items) values[item.Id.Value] = inWave.Contains(item.Id.Value) ? "3" : "";
        foreach (var (column, value) in changes) values[column] = value;
        return string.Join(",", Columns(study).Select(c => values[c]));
    }

    private static Task<RawResponses> ReadAsync(Study study, string csv) =>
        new RawResponseReader(study).ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "test.csv");

    private static string File(Study study, IEnumerable<string> rows, IEnumerable<string>? header = null) =>
        string.Join("\n", rows.Prepend(string.Join(",", header ?? Columns(study)))) + "\n";

    [Fact]
    public async Task EveryKindOfBadValueExcludesItsRowWithOneProblemThatSaysWhy()
    {
        var study = await StudyWithoutEngagementAtT1Async();
        var shortRow = string.Join(",", Row(study, "r-short").Split(',').SkipLast(3));
        string[] rows =
        [
            Row(study, "r-ok-1"),                                                                   // 2
            Row(study, "r-school", ("school", "gent-bs-99")),                                       // 3
            Row(study, "r-wave", ("wave", "T5")),                                                   // 4
            Row(study, "r-role", ("role", "director")),                                             // 5
            Row(study, "r-range", ("wb_01", "6")),                                                  // 6
            Row(study, "r-text", ("dk_03", "x")),                                                   // 7
            Row(study, "r-fraction", ("gl_01", "2.5")),                                             // 8
            Row(study, "r-instrument", ("wave", "T1"), ("started", "2022-03-20T10:00:00+01:00"),
                ("submitted", "2022-03-20T10:12:00+01:00"), ("bv_01", "4")),                        // 9
            Row(study, "r-no-start", ("started", "")),                                              // 10
            Row(study, "r-no-offset", ("started", "2021-10-05T09:00:00")),                          // 11
            Row(study, "r-order", ("started", "2021-10-05T10:00:00+02:00")),                        // 12
            Row(study, "r-language", ("language", "fr")),                                           // 13
            Row(study, ""),                                                                         // 14
            shortRow,                                                                               // 15
            Row(study, "r-negative", ("bv_09", "-1")),                                              // 16
            Row(study, "r-nan", ("wb_05", "NaN")),                                                  // 17
            Row(study, "r-no-school", ("school", "")),                                              // 18
            Row(study, "r id", ("role", "leader")),                                                 // 19
            Row(study, "r-ok-2", ("wave", "T1"), ("language", "en"), ("linkage_code", "abc123"),
                ("started", "2022-03-20T09:00:00Z"), ("submitted", "2022-03-20T10:12:30.5+01:00"),
                ("wb_01", ""), ("dk_02", "5"), ("gl_15", "1")),                                     // 20
        ];
        (int Row, string? Column, string? Value, string Reason, string? Id)[] expected =
        [
            (3, "school", "gent-bs-99", "Unknown school", "r-school"),
            (4, "wave", "T5", "Unknown wave", "r-wave"),
            (5, "role", "director", "Unknown role", "r-role"),
            (6, "wb_01", "6", "a whole number from 0 to 5", "r-range"),
            (7, "dk_03", "x", "Not a number", "r-text"),
            (8, "gl_01", "2.5", "a whole number from 1 to 5", "r-fraction"),
            (9, "bv_01", "4", "does not include instrument 'bevlogenheid'", "r-instrument"),
            (10, "started", null, "missing", "r-no-start"),
            (11, "started", "2021-10-05T09:00:00", "with an offset", "r-no-offset"),
            (12, "submitted", "2021-10-05T09:13:22+02:00", "before it was started", "r-order"),
            (13, "language", "fr", "'nl' or 'en'", "r-language"),
            (14, "response_id", null, "missing", null),
            (15, null, null, $"{Columns(study).Length - 3} fields; the header has {Columns(study).Length}", "r-short"),
            (16, "bv_09", "-1", "a whole number from 0 to 6", "r-negative"),
            (17, "wb_05", "NaN", "Not a number", "r-nan"),
            (18, "school", null, "missing", "r-no-school"),
            (19, "response_id", "r id", "letters, digits", null),
        ];

        var result = await ReadAsync(study, File(study, rows));

        Assert.Equal(rows.Length, result.RowsRead);
        Assert.Equal(2, result.Table.Count);
        Assert.Equal(expected.Length, result.RowsExcluded);
        Assert.Equal(expected.Length, result.Problems.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var (row, column, value, reason, id) = expected[i];
            var problem = result.Problems[i];
            Assert.True(problem.Row == row && problem.Column == column && problem.Value == value && problem.ResponseId == id
                && problem.Reason.Contains(reason, StringComparison.Ordinal),
                $"Expected row {row}, column {column}, value {value}, id {id}, reason containing \"{reason}\"; got {problem} (id {problem.ResponseId}).");
        }
        Assert.Equal(["r-ok-1", "r-ok-2"], result.Table.ResponseIds.Take(result.Table.Count));
        Assert.Equal([2, 20], result.Table.SourceRows.Take(result.Table.Count));
    }

    [Fact]
    public async Task ValidRowsKeepTheirParsedValues()
    {
        var study = await StudyWithoutEngagementAtT1Async();
        string[] rows =
        [
            Row(study, "r-1", ("school", "gent-dko-01"), ("role", "support"), ("wb_02", "0"), ("wb_03", "5"), ("bv_07", "6"), ("gl_04", "")),
            Row(study, "r-2", ("wave", "T1"), ("language", "en"), ("linkage_code", "9f2c"), ("role", "leader"),
                ("started", "2022-03-20T09:00:00Z"), ("submitted", "2022-03-20T10:12:30.5+01:00"), ("dk_02", "5"), ("gl_15", "1")),
        ];

        var result = await ReadAsync(study, File(study, rows));

        Assert.Empty(result.Problems);
        var table = result.Table;
        Assert.Equal(2, table.Count);
        Assert.Same(study, table.Study);
        Assert.Equal(study.Schools.ToList().FindIndex(s => s.Id.Value == "gent-dko-01"), table.Schools[0]);
        Assert.Equal(study.Schools.ToList().FindIndex(s => s.Id.Value == "gent-bs-01"), table.Schools[1]);
        Assert.Equal([0, 1], table.Waves.Take(2));
        Assert.Equal([3, 0], table.Roles.Take(2));
        Assert.Equal([null, "9f2c"], table.Linkage.Take(2));
        Assert.Equal([0, 1], table.Languages.Take(2).Select(b => (int)b));

        Assert.Equal(DateTimeOffset.Parse("2021-10-05T09:00:00+02:00"), table.Started[0]);
        Assert.Equal(TimeSpan.FromHours(2), table.Started[0].Offset);
        Assert.Equal(new DateTimeOffset(2022, 3, 20, 9, 0, 0, TimeSpan.Zero), table.Started[1]);
        Assert.Equal(TimeSpan.Zero, table.Started[1].Offset);
        Assert.Equal(new DateTimeOffset(2022, 3, 20, 9, 12, 30, 500, TimeSpan.Zero), table.Submitted[1]);
        Assert.Equal(TimeSpan.FromHours(1), table.Submitted[1].Offset);

        float Answer(string item, int row) => table.Answers[study.Items.ToList().FindIndex(i => i.Id.Value == item)][row];
        Assert.Equal(0f, Answer("wb_02", 0));
        Assert.Equal(5f, Answer("wb_03", 0));
        Assert.Equal(6f, Answer("bv_07", 0));
        Assert.Equal(3f, Answer("wb_01", 0));
        Assert.True(float.IsNaN(Answer("gl_04", 0)), "An empty answer is NaN.");
        Assert.Equal(5f, Answer("dk_02", 1));
        Assert.Equal(1f, Answer("gl_15", 1));
        Assert.True(float.IsNaN(Answer("bv_01", 1)), "An item of an instrument the wave lacks is NaN.");
    }

    [Fact]
    public async Task ARowWithSeveralProblemsListsThemAll()
    {
        var study = await SampleStudy.LoadAsync();
        var row = Row(study, "r-many", ("school", "nergens"), ("role", "boss"), ("wb_01", "9"), ("dk_01", "?"), ("language", "de"));

        var result = await ReadAsync(study, File(study, [row]));

        Assert.Equal(0, result.Table.Count);
        Assert.Equal(1, result.RowsExcluded);
        Assert.Equal(["school", "role", "language", "wb_01", "dk_01"], result.Problems.Select(p => p.Column));
        Assert.All(result.Problems, p => Assert.Equal((2, "r-many"), (p.Row, p.ResponseId)));
    }

    [Fact]
    public async Task AValueTooLongToShowIsShortened()
    {
        var study = await SampleStudy.LoadAsync();
        var row = Row(study, "r-long", ("school", new string('s', 200)));

        var result = await ReadAsync(study, File(study, [row]));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(new string('s', 60) + "…", problem.Value);
    }

    [Fact]
    public async Task AnUnknownColumnIsReportedOnceAtRowOneAndTheRowsAreStillRead()
    {
        var study = await SampleStudy.LoadAsync();
        var rows = Enumerable.Range(1, 3).Select(i => Row(study, $"r-{i}") + ",some remark").ToArray();

        var result = await ReadAsync(study, File(study, rows, [.. Columns(study), "opmerking"]));

        var problem = Assert.Single(result.Problems);
        Assert.Equal((1, "opmerking", null), (problem.Row, problem.Column, problem.Value));
        Assert.Contains("Unknown column", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(3, result.Table.Count);
    }

    [Fact]
    public async Task AMissingRequiredColumnStopsReadingWithAClearProblem()
    {
        var study = await SampleStudy.LoadAsync();
        var header = Columns(study).Where(c => c != "wave").ToArray();
        var rows = new[] { Row(study, "r-1") }.Select(r => string.Join(",", r.Split(',').Where((_, i) => Columns(study)[i] != "wave")));

        var result = await ReadAsync(study, File(study, rows, header));

        var problem = Assert.Single(result.Problems);
        Assert.Equal((1, "wave"), (problem.Row, problem.Column));
        Assert.Contains("required column 'wave' is missing", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(0, result.RowsRead);
        Assert.Equal(0, result.Table.Count);
    }

    [Fact]
    public async Task ADuplicateColumnIsReportedAndNothingIsRead()
    {
        var study = await SampleStudy.LoadAsync();
        var rows = new[] { Row(study, "r-1") + ",4" };

        var result = await ReadAsync(study, File(study, rows, [.. Columns(study), "wb_01"]));

        var problem = Assert.Single(result.Problems);
        Assert.Equal((1, "wb_01"), (problem.Row, problem.Column));
        Assert.Contains("appears twice", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(0, result.Table.Count);
    }

    [Fact]
    public async Task AnItemWithoutAColumnIsReportedAndReadAsMissing()
    {
        var study = await SampleStudy.LoadAsync();
        var keep = Columns(study).Select((c, i) => (c, i)).Where(p => p.c != "bv_05").Select(p => p.i).ToArray();
        var rows = new[] { Row(study, "r-1") }.Select(r => string.Join(",", keep.Select(i => r.Split(',')[i])));

        var result = await ReadAsync(study, File(study, rows, keep.Select(i => Columns(study)[i])));

        var problem = Assert.Single(result.Problems);
        Assert.Equal((1, "bv_05"), (problem.Row, problem.Column));
        Assert.Equal(1, result.Table.Count);
        Assert.True(float.IsNaN(result.Table.Answers[study.Items.ToList().FindIndex(i => i.Id.Value == "bv_05")][0]));
    }

    [Fact]
    public async Task ColumnsAreFoundByNameInAnyOrderAndTheOptionalOnesMayBeLeftOut()
    {
        var study = await SampleStudy.LoadAsync();
        var all = Columns(study);
        var order = all.Select((c, i) => (c, i)).Where(p => p.c is not ("linkage_code" or "language")).Reverse().ToArray();
        var row = Row(study, "r-1", ("wb_01", "1"), ("bv_09", "6")).Split(',');

        var result = await ReadAsync(study, File(study, [string.Join(",", order.Select(p => row[p.i]))], order.Select(p => p.c)));

        Assert.Empty(result.Problems);
        Assert.Equal(1, result.Table.Count);
        Assert.Equal("r-1", result.Table.ResponseIds[0]);
        Assert.Equal(1f, result.Table.Answers[0][0]);
        Assert.Equal(6f, result.Table.Answers[study.Items.Count - 1][0]);
        Assert.Null(result.Table.Linkage[0]);
        Assert.Equal(0, result.Table.Languages[0]);
    }

    [Fact]
    public async Task QuotedFieldsAreUnquoted()
    {
        var study = await SampleStudy.LoadAsync();
        var row = Row(study, "r-1", ("school", "\"gent-bs-02\""), ("linkage_code", "\"a,b\"\"c\""));

        var result = await ReadAsync(study, File(study, [row]));

        Assert.Empty(result.Problems);
        Assert.Equal("a,b\"c", result.Table.Linkage[0]);
        Assert.Equal(study.Schools.ToList().FindIndex(s => s.Id.Value == "gent-bs-02"), result.Table.Schools[0]);
    }

    [Fact]
    public async Task WindowsLineEndsAndAUtf8ByteOrderMarkAreRead()
    {
        var study = await SampleStudy.LoadAsync();
        var text = File(study, [Row(study, "r-1"), Row(study, "r-2", ("wb_05", "4"))]).Replace("\n", "\r\n");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var result = await new RawResponseReader(study).ReadAsync(new MemoryStream(bytes), "excel.csv");

        Assert.Empty(result.Problems);
        Assert.Equal(["r-1", "r-2"], result.Table.ResponseIds.Take(result.Table.Count));
        Assert.Equal(4f, result.Table.Answers[4][1]);
        Assert.Equal(TimeSpan.FromHours(2), result.Table.Submitted[1].Offset);
    }

    [Fact]
    public async Task AnEmptyFileIsAProblemNotAnException()
    {
        var study = await SampleStudy.LoadAsync();

        var result = await ReadAsync(study, "");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(1, problem.Row);
        Assert.Contains("empty", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(0, result.RowsRead);
    }

    [Fact]
    public async Task AHeaderWithoutRowsReadsAsNoResponses()
    {
        var study = await SampleStudy.LoadAsync();

        var result = await ReadAsync(study, File(study, []));

        Assert.Empty(result.Problems);
        Assert.Equal(0, result.RowsRead);
        Assert.Equal(0, result.Table.Count);
    }

    [Fact]
    public async Task ARowWithMoreFieldsThanTheHeaderIsExcluded()
    {
        var study = await SampleStudy.LoadAsync();

        var result = await ReadAsync(study, File(study, [Row(study, "r-long") + ",3,3"]));

        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, null, "r-long"), (problem.Row, problem.Column, problem.ResponseId));
        Assert.Equal(0, result.Table.Count);
    }

    [Fact]
    public async Task GarbageInputNeverThrows()
    {
        var study = await SampleStudy.LoadAsync();
        var random = new Random(20210901);
        var bytes = new byte[20_000];
        random.NextBytes(bytes);
        var garbage = Encoding.UTF8.GetBytes(File(study, [Row(study, "r-1")])).Concat(bytes).ToArray();

        var result = await new RawResponseReader(study).ReadAsync(new MemoryStream(garbage), "garbage");

        Assert.Equal(1, result.Table.Count);
        Assert.NotEmpty(result.Problems);
        Assert.Equal(result.RowsRead - 1, result.RowsExcluded);
    }

    [Fact]
    public async Task AFileIsReadFromItsPath()
    {
        var study = await SampleStudy.LoadAsync();
        var path = Path.Combine(Path.GetTempPath(), $"monitoring-raw-{Guid.NewGuid():N}.csv");
        await System.IO.File.WriteAllTextAsync(path, File(study, [Row(study, "r-1"), Row(study, "r-2", ("wave", "T2"))]));
        try
        {
            var result = await new RawResponseReader(study).ReadAsync(path);

            Assert.Empty(result.Problems);
            Assert.Equal(2, result.Table.Count);
            Assert.Equal(path, result.Source);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public async Task AProblemNamesTheRowsSchoolAndWaveWhenTheyAreTheStudys()
    {
        var study = await SampleStudy.LoadAsync();
        string[] rows =
        [
            Row(study, "r-value", ("wb_01", "9")),                        // 2: school and wave readable
            Row(study, "r-school", ("school", "gent-bs-99")),             // 3: only the wave
            Row(study, "r-wave", ("wave", "T9"), ("dk_01", "x")),         // 4: only the school
        ];

        var result = await ReadAsync(study, File(study, rows));

        Assert.All(result.Problems.Where(p => p.Row == 2), p => Assert.Equal(("gent-bs-01", "T0"), (p.School, p.Wave)));
        Assert.All(result.Problems.Where(p => p.Row == 3), p => Assert.Equal((null, "T0"), (p.School, p.Wave)));
        Assert.All(result.Problems.Where(p => p.Row == 4), p => Assert.Equal(("gent-bs-01", null), (p.School, p.Wave)));
        Assert.Equal([2, 3, 4, 4], result.Problems.Select(p => p.Row));
    }

    [Fact]
    public async Task RowsReadOnSeveralThreadsKeepTheirOrderAndEveryProblem()
    {
        var study = await SampleStudy.LoadAsync();
        // Enough rows for several batches of the parallel reader; every 997th row is bad.
        var rows = Enumerable.Range(0, 50_000).Select(i => i % 997 == 0 ? Row(study, $"r-{i}", ("wb_02", "x")) : Row(study, $"r-{i}")).ToArray();

        var result = await ReadAsync(study, File(study, rows));

        var bad = Enumerable.Range(0, rows.Length).Where(i => i % 997 == 0).ToArray();
        Assert.Equal(rows.Length, result.RowsRead);
        Assert.Equal(bad.Select(i => i + 2), result.Problems.Select(p => p.Row));
        Assert.Equal(Enumerable.Range(0, rows.Length).Except(bad).Select(i => $"r-{i}"), result.Table.ResponseIds);
        Assert.Equal(Enumerable.Range(0, rows.Length).Except(bad).Select(i => i + 2), result.Table.SourceRows);
    }

    [Fact]
    public async Task AFileWithOnlyAHeaderGivesAnEmptyTableThatEveryStepRunsOver()
    {
        var study = await SampleStudy.LoadAsync();

        var result = await ReadAsync(study, File(study, []));
        var outcome = AnalysisPipeline.Run(result, new StepTimings());

        Assert.Equal(0, result.Table.Count);
        Assert.Empty(outcome.Cleaning.Exclusions);
        Assert.Equal(0, outcome.Scored.Count);
    }

    [Fact]
    public async Task AnItemWhoseFormatIsTooWideForAByteKeepsItsExactAnswersAndIsRecodedLikeAnyOther()
    {
        var sample = await SampleStudy.LoadAsync();
        // wb_01 becomes a reverse-keyed −500..500 item: too wide for the one-byte codes, so it keeps floats.
        var instruments = sample.Instruments.Select(instrument => instrument with
        {
            Items = instrument.Items.Select(item => item.Id.Value == "wb_01"
                ? item with { Format = new ResponseFormat("wide", -500, 500, []), IsReverseKeyed = true }
                : item).ToArray(),
        }).ToArray();
        var study = new Study(sample.Id, sample.Name, sample.Trajectories, sample.Networks, sample.Schools, sample.Roles, sample.Waves, instruments, sample.Analysis);
        var wb01 = study.Items.ToList().FindIndex(i => i.Id.Value == "wb_01");
        var wb02 = study.Items.ToList().FindIndex(i => i.Id.Value == "wb_02");

        var result = await ReadAsync(study, File(study, [Row(study, "r-1", ("wb_01", "-437")), Row(study, "r-2", ("wb_01", "")), Row(study, "r-3", ("wb_01", "500")), Row(study, "r-4", ("wb_01", "501"))]));

        Assert.Equal([5], result.Problems.Select(p => p.Row));
        var table = result.Table;
        Assert.Equal(-437f, table.Answers[wb01][0]);
        Assert.True(float.IsNaN(table.Answers[wb01][1]));
        Assert.Equal(500f, table.Answers[wb01][2]);
        Assert.Equal(3f, table.Answers[wb02][1]);

        var scored = ScaleScoring.Apply(table, ResponseCleaning.Apply(table));
        Assert.Equal(437f, scored.Recoded[wb01][0]);
        Assert.True(float.IsNaN(scored.Recoded[wb01][1]));
        Assert.Equal(-500f, scored.Recoded[wb01][2]);
    }
}
