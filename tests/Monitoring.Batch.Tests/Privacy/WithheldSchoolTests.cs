using Monitoring.Tests.Shared;

namespace Monitoring.Batch.Tests.Privacy;

/// <summary>
/// Open mode's bound on forged submissions, through the whole batch: the sample study with oostende-bs-01's staff in T0
/// set to 10 (bound 10 × 1.0 + 2 = 12) while its T0 has over 20 submissions.
/// </summary>
public sealed class WithheldSchoolTests(WithheldRun run) : IClassFixture<WithheldRun>
{
    private const string School = WithheldRun.School;
    private readonly BatchRunResult _result = run.Result;
    private readonly string _progress = run.Progress;

    private string Datasets => Path.Combine(run.OutputDirectory, "datasets");

    [Fact]
    public void TheSchoolsResultsAreWithheldInEveryCoordinatorTable()
    {
        var aggregates = CsvTable.Read(Path.Combine(Datasets, "aggregates.csv"));
        var rows = aggregates.Where(("level", "school"), ("unit", School), ("wave", "T0"));
        Assert.Equal(10, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal("true", r[aggregates.Column("suppressed")]);
            Assert.Equal("withheld", r[aggregates.Column("suppression_reason")]);
            Assert.Equal("", r[aggregates.Column("n")]);
        });
        var rate = CsvTable.Read(Path.Combine(Datasets, "response_rates.csv")).Single(("school", School), ("wave", "T0"));
        Assert.Equal("", rate["responses"]);
        Assert.Equal("", rate["rate"]);
        Assert.Equal("withheld", rate["suppression_reason"]);
        var change = CsvTable.Read(Path.Combine(Datasets, "change.csv"));
        var changes = change.Where(("level", "school"), ("unit", School), ("from_wave", "T0"));
        Assert.NotEmpty(changes);
        Assert.All(changes, c => Assert.Equal("true", c[change.Column("suppressed")]));
    }

    [Fact]
    public void TheNetworkReportShowsADashAndSaysWhy()
    {
        var html = File.ReadAllText(Path.Combine(run.OutputDirectory, _result.NetworkReports[new("kust-en-polder")]));
        var row = html[html.IndexOf("<tr><th>Basisschool De Golfbreker</th>", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];

        Assert.StartsWith("<tr><th>Basisschool De Golfbreker</th><td class=\"num missing\">–<sup>d</sup></td>", row);
        Assert.Contains("<sup>d</sup> Niet getoond: meer inzendingen dan personeelsleden.", html);
    }

    [Fact]
    public void ResearchersKeepTheScoresAndTheRunSaysWhichSchoolWasWithheld()
    {
        var responses = CsvTable.Read(Path.Combine(Datasets, "responses.csv"));
        Assert.True(responses.Where(("school", School), ("wave", "T0")).Count > 12);
        Assert.Contains($"{School} (", _progress, StringComparison.Ordinal);
        Assert.Contains("withheld from coordinators", _progress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingHiddenAroundTheWithheldSchoolIsRecoveredByDifferencing()
    {
        var view = CoordinatorView.Read(await run.Study.LoadAsync(), Datasets);

        var findings = DifferencingAttackTests.Attack(view, Datasets, _result, run.OutputDirectory);

        Assert.True(findings.Count == 0, string.Join("\n", findings.Take(20)));
    }
}
