using System.Globalization;
using System.Text.Json;
using Monitoring.Tests.Shared;

namespace Monitoring.Batch.Tests.Datasets;

/// <summary>
/// The datasets folder as a researcher uses it, with the real programs: R with haven runs load.R, PSPP runs load.sps
/// as shipped, DuckDB reads the Parquet files, and the codebook and load.do cover every column of every file.
/// </summary>
public sealed class ResearcherProgramsTests(ResearcherRuns runs) : IClassFixture<ResearcherRuns>
{
    private static string Here(string file) => Path.Combine(AppContext.BaseDirectory, "Datasets", file);

    private static readonly string[] LoadedTables =
        ["responses", "panel_wide", "aggregates", "aggregates_clustered", "aggregates_wide", "school_panel", "reliability", "item_statistics", "change", "icc", "invariance", "response_rates", "cleaning_log",
         "profiles", "profile_centroids", "profile_selection", "profile_transitions", "profiles_left_out"];

    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public async Task LoadRGivesLabelledItemsFactorsInTheRunsLanguageDateTimesLogicalsAndEveryTableAndHavenKeepsTheLabels(string language)
    {
        var rows = runs.Rows(language);
        Assert.Equal(LoadedTables.Order(), rows.Keys.Order());
        var result = await ExternalProgram.RunAsync("Rscript", runs.Datasets(language), Here("check_load.R"), runs.Datasets(language), language,
            string.Join(",", rows.Select(r => $"{r.Key}={r.Value}")));
        Assert.True(result.ExitCode == 0 && result.Output.Contains("ok", StringComparison.Ordinal), result.ToString());
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public async Task LoadSpsRunsAsShippedInPsppWithoutAWarningAndItsSavFilesHaveTheLabels(string language)
    {
        using var folder = runs.Copy(language);
        var pspp = await ExternalProgram.RunAsync("pspp", folder.Path, "load.sps");
        Assert.True(pspp.ExitCode == 0, pspp.ToString());
        Assert.DoesNotContain("warning", pspp.Output + pspp.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("error", pspp.Output + pspp.Error, StringComparison.OrdinalIgnoreCase);

        var haven = await ExternalProgram.RunAsync("Rscript", folder.Path, Here("check_sav.R"), folder.Path, language, string.Join(",", LoadedTables));
        Assert.True(haven.ExitCode == 0 && haven.Output.Contains("ok", StringComparison.Ordinal), haven.ToString());

        await File.WriteAllTextAsync(Path.Combine(folder.Path, "check.sps"),
            "GET FILE='responses.sav'.\nDISPLAY DICTIONARY /VARIABLES=role wave wb_01 started.\nGET FILE='change.sav'.\nDISPLAY DICTIONARY /VARIABLES=from_wave suppressed.\n");
        var back = await ExternalProgram.RunAsync("pspp", folder.Path, "check.sps");
        Assert.True(back.ExitCode == 0, back.ToString());
        var (teacher, never, wave) = language == "en" ? ("Teacher", "At no time", "T0 – autumn 2021") : ("Leraar", "Nooit", "T0 – najaar 2021");
        foreach (var expected in new[] { teacher, never, wave, "DATETIME", "true" }) Assert.Contains(expected, back.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryParquetFileReadsBackInDuckDbWithTheRowsTypesAndValuesOfItsCsv()
    {
        var tool = ExternalProgram.DuckDbTool();
        var codebook = CsvTable.Read(Path.Combine(runs.Dutch, "codebook.csv"));
        var types = codebook.Rows.ToDictionary(r => (r[0], r[1]), r => r[codebook.Column("type")]);
        var parquet = Directory.GetFiles(runs.Dutch, "*.parquet").Select(Path.GetFileNameWithoutExtension).Order().ToArray();
        Assert.Equal(LoadedTables.Order(), parquet);
        foreach (var table in parquet)
        {
            var read = await ExternalProgram.RunAsync("node", tool, "read.mjs", Path.Combine(runs.Dutch, table + ".parquet"));
            Assert.True(read.ExitCode == 0, read.ToString());
            using var json = JsonDocument.Parse(read.Output);
            var csv = CsvTable.Read(Path.Combine(runs.Dutch, table + ".csv"));
            var columns = json.RootElement.GetProperty("columns").EnumerateArray().Select(c => (Name: c.GetProperty("name").GetString()!, Type: c.GetProperty("type").GetString()!)).ToArray();
            Assert.Equal(csv.Header, columns.Select(c => c.Name));
            for (var i = 0; i < columns.Length; i++)
                Assert.True(Expected(types[(table!, columns[i].Name)]) == columns[i].Type, $"{table}.{columns[i].Name}: {columns[i].Type}, codebook {types[(table!, columns[i].Name)]}");
            var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToArray();
            Assert.True(csv.Rows.Count == rows.Length, $"{table}: {rows.Length} rows in Parquet, {csv.Rows.Count} in the CSV");
            Assert.True(csv.Rows.Count > 0 || table == "profiles_left_out", $"{table} has rows to compare");
            for (var r = 0; r < rows.Length; r++)
            {
                var cells = rows[r].EnumerateArray().ToArray();
                for (var i = 0; i < columns.Length; i++)
                    Assert.True(Same(csv.Rows[r][i], cells[i], columns[i].Type), $"{table} row {r + 1}, {columns[i].Name}: CSV '{csv.Rows[r][i]}', Parquet {cells[i]}");
            }
            var metadata = json.RootElement.GetProperty("metadata");
            Assert.Equal(table, metadata.GetProperty("monitoring.table").GetString());
            using var entries = JsonDocument.Parse(metadata.GetProperty("monitoring.codebook").GetString()!);
            var labelled = entries.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("label_nl").GetString());
            foreach (var row in codebook.Rows.Where(r => r[0] == table)) Assert.Equal(row[codebook.Column("label_nl")], labelled[row[1]]);
        }

        static string Expected(string codebookType) => codebookType switch
        {
            "integer" => "INTEGER",
            "numeric" => "DOUBLE",
            "boolean" => "BOOLEAN",
            "datetime" => "TIMESTAMP WITH TIME ZONE",
            _ => "VARCHAR",
        };
    }

    /// <summary>A CSV field and the Parquet value DuckDB read: both missing, or the same number, truth value, instant or text.</summary>
    private static bool Same(string csv, JsonElement value, string type)
    {
        if (value.ValueKind == JsonValueKind.Null) return csv.Length == 0;
        if (csv.Length == 0) return false;
        return type switch
        {
            "INTEGER" => value.GetInt64() == long.Parse(csv, CultureInfo.InvariantCulture),
            "DOUBLE" => value.GetDouble() == double.Parse(csv, CultureInfo.InvariantCulture),
            "BOOLEAN" => value.GetBoolean() == (csv == "true"),
            "TIMESTAMP WITH TIME ZONE" => value.GetString() == DateTimeOffset.Parse(csv, CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            _ => value.GetString() == (csv.Length > 1 && csv[0] == '\'' && "=+-@\t\r".Contains(csv[1], StringComparison.Ordinal) ? csv[1..] : csv),
        };
    }

    [Fact]
    public void TheCodebookListsEveryColumnOfEveryWrittenFileInFileOrderWithTypeUnitAndMissingMeaning()
    {
        foreach (var language in new[] { "nl", "en" })
        {
            var datasets = runs.Datasets(language);
            var codebook = CsvTable.Read(Path.Combine(datasets, "codebook.csv"));
            var markdown = File.ReadAllText(Path.Combine(datasets, "codebook.md"));
            foreach (var file in Directory.GetFiles(datasets, "*.csv").Where(f => Path.GetFileName(f) != "codebook.csv"))
            {
                var table = Path.GetFileNameWithoutExtension(file);
                var described = codebook.Rows.Where(r => r[0] == table).ToArray();
                Assert.True(CsvTable.Read(file).Header.SequenceEqual(described.Select(r => r[1])),
                    $"{table}.csv has columns [{string.Join(", ", CsvTable.Read(file).Header)}], the codebook describes [{string.Join(", ", described.Select(r => r[1]))}]: describe every column in Datasets/Tables/DatasetTables.cs");
                foreach (var row in described)
                {
                    Assert.False(string.IsNullOrWhiteSpace(row[codebook.Column("type")]), $"{table}.{row[1]} has a type");
                    Assert.False(string.IsNullOrWhiteSpace(row[codebook.Column("missing")]), $"{table}.{row[1]} says what an empty field means");
                    Assert.False(string.IsNullOrWhiteSpace(row[codebook.Column("label_en")]), $"{table}.{row[1]} has an English label");
                }
                Assert.Contains($"## {table}.csv ({table}.parquet)", markdown, StringComparison.Ordinal);
            }
        }
        var panel = CsvTable.Read(Path.Combine(runs.Dutch, "codebook.csv")).Rows.Where(r => r[0] == "panel_wide").Select(r => r[1]).Take(6);
        Assert.Equal(["linkage_code", "school", "network", "trajectory", "role", "waves"], panel);
        var md = File.ReadAllText(Path.Combine(runs.Dutch, "codebook.md"));
        Assert.Contains("a respondent seen in one wave only has one row", md, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDoImportsEveryTableAndLabelsEveryVariableAndValueOfTheCodebook()
    {
        // Stata cannot be installed here: the do-file is checked against the codebook line by line instead of run.
        foreach (var language in new[] { "nl", "en" })
        {
            var datasets = runs.Datasets(language);
            var script = File.ReadAllText(Path.Combine(datasets, "load.do"));
            var codebook = CsvTable.Read(Path.Combine(datasets, "codebook.csv"));
            var label = codebook.Column(language == "en" ? "label_en" : "label_nl");
            foreach (var table in LoadedTables)
            {
                Assert.Contains($"import delimited using \"{table}.csv\", clear varnames(1) case(preserve)", script, StringComparison.Ordinal);
                Assert.Contains($"save \"{table}.dta\", replace", script, StringComparison.Ordinal);
            }
            foreach (var row in codebook.Rows)
            {
                var text = row[label].Length <= 80 ? row[label] : row[label][..79] + "…";
                Assert.Contains($"label variable {row[1]} `\"{text}\"'", script, StringComparison.Ordinal);
            }
            var (never, teacher) = language == "en" ? ("At no time", "Teacher") : ("Nooit", "Leraar");
            Assert.Contains($"label define wb_01 0 `\"{never}\"'", script, StringComparison.Ordinal);
            Assert.Contains("label values wb_01 wb_01", script, StringComparison.Ordinal);
            Assert.Matches($"label define role .*`\"{teacher}\"'", script);
            Assert.Contains("format started %tc", script, StringComparison.Ordinal);
            Assert.Contains("label values suppressed monitoring_bool", script, StringComparison.Ordinal);
        }
    }
}
