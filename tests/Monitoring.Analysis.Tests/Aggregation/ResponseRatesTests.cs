using Monitoring.Core.Privacy;
using Monitoring.Core.Results;
using Monitoring.Core.Studies;
using Monitoring.Tests.Shared;

namespace Monitoring.Analysis.Tests.Aggregation;

/// <summary>Kept responses per school and wave against the staff count, suppressed as aggregates are (docs/methods.md).</summary>
public class ResponseRatesTests
{
    private static IEnumerable<ResponseRow> Rows(string school, int count, string wave = "T0") =>
        Enumerable.Range(0, count).Select(_ => ResponseRow.Valid(school, wave));

    private static ResponseRate Find(AnalysisOutcome outcome, string school, string wave = "T0") =>
        Assert.Single(outcome.Results.ResponseRates, r => r.School.Value == school && r.Wave.Value == wave);

    [Fact]
    public async Task ARateIsTheKeptResponsesOverTheSchoolsStaffInThatWave()
    {
        // oostende-bs-01 has 41 staff in T0 and 41 in T1 (organisation.json); one excluded speeder does not count.
        var outcome = await TestResponses.AnalyseAsync([.. Rows("oostende-bs-01", 6), ResponseRow.Valid().Duration(3), .. Rows("oostende-bs-01", 7, "T1")]);

        var t0 = Find(outcome, "oostende-bs-01");
        Assert.Equal(6, t0.Responses);
        Assert.Equal(41, t0.Staff);
        Assert.Equal(6.0 / 41, t0.Rate!.Value, 1e-12);
        Assert.False(t0.Suppressed);
        Assert.Equal(7.0 / 41, Find(outcome, "oostende-bs-01", "T1").Rate!.Value, 1e-12);
    }

    [Fact]
    public async Task ResponseCountsAreSuppressedBelowTheThresholdWithComplementarySuppressionInTheNetwork()
    {
        var outcome = await TestResponses.AnalyseAsync(
        [
            // kust-en-polder: 5, 4, 1 → 5 hidden, nothing more to hide.
            .. Rows("oostende-bs-01", 5), .. Rows("bredene-bs-01", 4), .. Rows("gistel-bs-01", 1),
            // westhoek-samen: 2, 7, 6 → the 6 is hidden too.
            .. Rows("ieper-so-01", 2), .. Rows("poperinge-bs-01", 7), .. Rows("diksmuide-so-01", 6),
        ]);

        Assert.False(Find(outcome, "oostende-bs-01").Suppressed);
        Assert.True(Find(outcome, "bredene-bs-01").Suppressed);
        Assert.True(Find(outcome, "gistel-bs-01").Suppressed);
        Assert.True(Find(outcome, "ieper-so-01").Suppressed);
        Assert.False(Find(outcome, "poperinge-bs-01").Suppressed);
        Assert.True(Find(outcome, "diksmuide-so-01").Suppressed);
        Assert.True(Find(outcome, "veurne-bs-01").Suppressed);
        // One rate per school and wave.
        Assert.Equal(69 * 3, outcome.Results.ResponseRates.Count);
    }

    [Fact]
    public async Task ASchoolWithoutAStaffCountForAWaveHasNoRateThere()
    {
        using var copy = TestStudy.Copy().EditOrganisation(o => o["schools"]![0]!["staff"]!.AsObject().Remove("T1"));
        var study = await copy.LoadAsync();

        var outcome = await TestResponses.AnalyseAsync(study, [.. Rows("oostende-bs-01", 6, "T1")]);

        var rate = Assert.Single(outcome.Results.ResponseRates, r => r.School.Value == "oostende-bs-01" && r.Wave.Value == "T1");
        Assert.Equal(6, rate.Responses);
        Assert.Null(rate.Staff);
        Assert.Null(rate.Rate);
    }

    /// <summary>kust-en-polder in T0 with oostende-bs-01's staff set to 4 (bound 4 × 1.0 + 2 = 6 submissions).</summary>
    private static async Task<AnalysisOutcome> SmallStaffAsync(int oostende, Action<System.Text.Json.Nodes.JsonObject>? edit = null)
    {
        using var copy = TestStudy.Copy().EditOrganisation(o => o["schools"]![0]!["staff"]!["T0"] = 4);
        if (edit is not null) copy.EditStudy(edit);
        var study = await copy.LoadAsync();
        // One of oostende's submissions is a speeder: excluded, it still counts as a submission.
        return await TestResponses.AnalyseAsync(study,
        [
            .. Rows("oostende-bs-01", oostende - 1), ResponseRow.Valid().Duration(3),
            .. Rows("bredene-bs-01", 7), .. Rows("gistel-bs-01", 8), .. Rows("middelkerke-bs-01", 9), .. Rows("oudenburg-bs-01", 10),
        ]);
    }

    [Fact]
    public async Task ASchoolWithMoreSubmissionsThanItsStaffAllowIsWithheldInEveryTableWithACompanion()
    {
        var outcome = await SmallStaffAsync(oostende: 7);

        var rate = Find(outcome, "oostende-bs-01");
        Assert.Equal(Disclosure.Withheld, rate.Disclosure);
        Assert.Equal(7, rate.Submissions);
        Assert.Equal(6, rate.Responses);
        Assert.All(outcome.Results.Aggregates.Where(a => a.Unit == UnitId.Of(new SchoolId("oostende-bs-01")) && a.Wave.Value == "T0"), a =>
        {
            Assert.Equal(Disclosure.Withheld, a.Disclosure);
            Assert.Null(a.Estimate);
        });
        Assert.All(outcome.Results.Changes.Where(c => c.Unit.Value == "oostende-bs-01" && c.From.Value == "T0"), c => Assert.True(c.Suppressed));
        // Withheld alone, its count would be the network's total minus the shown schools: the smallest other is hidden too.
        Assert.Equal(Disclosure.Complementary, Find(outcome, "bredene-bs-01").Disclosure);
        Assert.Equal(Disclosure.Shown, Find(outcome, "gistel-bs-01").Disclosure);
        // Researchers keep the scores.
        Assert.Contains(outcome.SchoolMeans, m => m.School.Value == "oostende-bs-01" && m.Wave.Value == "T0" && m.N == 6);
    }

    [Fact]
    public async Task ASchoolAtItsBoundIsShown()
    {
        var outcome = await SmallStaffAsync(oostende: 6);

        Assert.Equal(Disclosure.Shown, Find(outcome, "oostende-bs-01").Disclosure);
        Assert.Equal(Disclosure.Shown, Find(outcome, "bredene-bs-01").Disclosure);
    }

    [Fact]
    public async Task TheBoundFollowsTheStudysPrivacySettings()
    {
        var outcome = await SmallStaffAsync(oostende: 7, s => s["analysis"]!["privacy"] = new System.Text.Json.Nodes.JsonObject { ["maxResponsesPerStaff"] = 1.0, ["extraResponses"] = 3 });

        Assert.Equal(Disclosure.Shown, Find(outcome, "oostende-bs-01").Disclosure);
    }
}
