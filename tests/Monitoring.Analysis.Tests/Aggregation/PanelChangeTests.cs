using System.Globalization;
using Monitoring.Core.Results;
using Monitoring.Tests.Shared;

namespace Monitoring.Analysis.Tests.Aggregation;

/// <summary>
/// The panel and paired change estimates of change.csv, through the whole pipeline, against R
/// (Statistics/reference/panel.R: the partially overlapping samples t of Derrick et al. 2017 written out from
/// the raw scores, <c>t.test(paired = TRUE)</c>) and against a hand calculation.
/// </summary>
public class PanelChangeTests
{
    private const double Tolerance = 1e-9;

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Statistics", "reference");

    private static readonly Lazy<Dictionary<string, double>> Values = new(() =>
        File.ReadLines(Path.Combine(Folder, "panel_values.csv")).Skip(1).Select(line => line.Split(','))
            .ToDictionary(parts => parts[0], parts => double.Parse(parts[1], CultureInfo.InvariantCulture)));

    private static double Value(string key) => Values.Value[key];

    private static Task<AnalysisOutcome> PanelAsync() => TestResponses.AnalyseAsync(
        [.. File.ReadLines(Path.Combine(Folder, "panel.csv")).Skip(1).Select(line => line.Split(',')).Select(cells =>
        {
            var row = ResponseRow.Valid(cells[0], cells[1]).Welbevinden(int.Parse(cells[3], CultureInfo.InvariantCulture));
            return cells[2].Length > 0 ? row.Linkage(cells[2]) : row;
        })]);

    private static ChangeEstimate Find(AnalysisOutcome outcome, AggregateLevel level, string unit) =>
        Assert.Single(outcome.Results.Changes, c => c.Level == level && c.Unit.Value == unit && c.Scale.Value == "welbevinden" && c.From.Value == "T0" && c.To.Value == "T1");

    [Theory]
    [InlineData(AggregateLevel.School, "oostende-bs-01", "oostende")]
    [InlineData(AggregateLevel.School, "bredene-bs-01", "bredene")]
    [InlineData(AggregateLevel.Network, "kust-en-polder", "network")]
    public async Task ThePanelAndPairedEstimatesMatchRsCalculationFromTheRawScores(AggregateLevel level, string unit, string key)
    {
        var change = Find(await PanelAsync(), level, unit);

        Assert.False(change.Suppressed);
        Assert.Equal(Value(key + ".difference"), change.Difference!.Value, Tolerance);
        Assert.Equal(Value(key + ".welch_lower"), change.Lower!.Value, Tolerance);
        var panel = Assert.IsType<PanelChange>(change.Panel);
        Assert.Equal((int)Value(key + ".n_pairs"), panel.Pairs);
        Assert.Equal(Value(key + ".panel_se"), panel.StandardError!.Value, Tolerance);
        Assert.Equal(Value(key + ".panel_df"), panel.DegreesOfFreedom!.Value, Tolerance);
        Assert.Equal(Value(key + ".panel_lower"), panel.Lower!.Value, Tolerance);
        Assert.Equal(Value(key + ".panel_upper"), panel.Upper!.Value, Tolerance);
        Assert.Equal(Value(key + ".panel_hedges_g"), panel.HedgesG!.Value, Tolerance);
        var linked = Assert.IsType<LinkedChange>(change.Linked);
        Assert.Equal((int)Value(key + ".n_pairs"), linked.Pairs);
        Assert.Equal(Value(key + ".paired_difference"), linked.MeanDifference!.Value, Tolerance);
        Assert.Equal(Value(key + ".paired_lower"), linked.Lower!.Value, Tolerance);
        Assert.Equal(Value(key + ".paired_upper"), linked.Upper!.Value, Tolerance);
        Assert.Equal(Value(key + ".paired_dz"), linked.CohensDz!.Value, Tolerance);
        Assert.Equal(Value(key + ".paired_dav"), linked.CohensDav!.Value, Tolerance);
    }

    [Fact]
    public async Task ThePanelIntervalIsNarrowerThanWelchsWhenLinkedScoresCorrelate()
    {
        var change = Find(await PanelAsync(), AggregateLevel.Network, "kust-en-polder");

        Assert.True(change.Panel!.Upper - change.Panel.Lower < change.Upper - change.Lower);
        // Welch's interval includes zero here and the panel's does not: the verdict follows the panel.
        Assert.True(change.Lower < 0 && change.Upper > 0);
        Assert.True(change.Panel.IsSignificant);
        Assert.True(change.IsSignificant);
    }

    [Fact]
    public async Task PairedChangeOfFiveLinkedRespondentsMatchesAHandCalculation()
    {
        // Five people in one school, scores 1 2 3 4 5 at T0 and 2 4 3 5 5 at T1.
        int[] earlier = [1, 2, 3, 4, 5];
        int[] later = [2, 4, 3, 5, 5];
        var rows = new List<ResponseRow>();
        for (var i = 0; i < 5; i++)
        {
            rows.Add(ResponseRow.Valid("oostende-bs-01", "T0").Welbevinden(earlier[i]).Linkage($"a{i + 1}"));
            rows.Add(ResponseRow.Valid("oostende-bs-01", "T1").Welbevinden(later[i]).Linkage($"a{i + 1}"));
        }
        var outcome = await TestResponses.AnalyseAsync([.. rows]);

        // Differences 1 2 0 1 0: mean 0.8, squares 0.04 + 1.44 + 0.64 + 0.04 + 0.64 = 2.8, s_d = sqrt(0.7).
        // SD at T0 sqrt(2.5); at T1 mean 3.8, squares 3.24 + 0.04 + 0.64 + 1.44 + 1.44 = 6.8, SD sqrt(1.7).
        var school = Find(outcome, AggregateLevel.School, "oostende-bs-01").Linked!;
        const double T4 = 2.7764451051977934; // R: qt(0.975, 4)
        Assert.Equal(5, school.Pairs);
        Assert.Equal(0.8, school.MeanDifference!.Value, Tolerance);
        Assert.Equal(0.8 - (T4 * Math.Sqrt(0.7 / 5)), school.Lower!.Value, Tolerance);
        Assert.Equal(0.8 + (T4 * Math.Sqrt(0.7 / 5)), school.Upper!.Value, Tolerance);
        Assert.Equal(0.8 / Math.Sqrt(0.7), school.CohensDz!.Value, Tolerance);
        Assert.Equal(0.8 / ((Math.Sqrt(2.5) + Math.Sqrt(1.7)) / 2), school.CohensDav!.Value, Tolerance);
        // Every linked score is in both waves of the school: the panel interval is the paired one.
        var panel = Find(outcome, AggregateLevel.School, "oostende-bs-01").Panel!;
        Assert.Equal(4, panel.DegreesOfFreedom!.Value, Tolerance);
        Assert.Equal(school.Lower!.Value, panel.Lower!.Value, Tolerance);
    }

    [Fact]
    public async Task WithoutLinkageCodesThePanelIntervalIsWelchs()
    {
        var change = Find(await TestResponses.AnalyseAsync(
        [
            .. new[] { 1, 2, 3, 4, 5 }.Select(s => ResponseRow.Valid("oostende-bs-01", "T0").Welbevinden(s)),
            .. new[] { 2, 3, 3, 4, 5, 5 }.Select(s => ResponseRow.Valid("oostende-bs-01", "T1").Welbevinden(s)),
        ]), AggregateLevel.School, "oostende-bs-01");

        Assert.Equal(0, change.Panel!.Pairs);
        Assert.Equal(change.Lower!.Value, change.Panel.Lower!.Value, 1e-12);
        Assert.Equal(change.Upper!.Value, change.Panel.Upper!.Value, 1e-12);
        Assert.Null(change.Linked!.MeanDifference);
    }
}
