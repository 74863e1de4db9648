using System.Text.Json.Nodes;
using Monitoring.Analysis.Cleaning;
using Monitoring.Analysis.Scoring;
using Monitoring.Core.Studies;
using Monitoring.Tests.Shared;

namespace Monitoring.Analysis.Tests.Scoring;

/// <summary>
/// Scoring (docs/methods.md, "Scoring") on hand-made rows against the sample study: dk_02, dk_04 and
/// dk_06 are reverse-keyed on 1–5; welbevinden (5 items, 0–5), draagkracht (6 items) and vitaliteit
/// (3 items, 0–6) are scored as means with share 0.5.
/// </summary>
public class ScaleScoringTests
{
    private const float Tolerance = 1e-6f;

    private static async Task<ScoredResponses> ScoreAsync(Study study, params ResponseRow[] rows)
    {
        var table = (await TestResponses.ReadAsync(study, rows)).Table;
        return ScaleScoring.Apply(table, ResponseCleaning.Apply(table));
    }

    private static async Task<ScoredResponses> ScoreAsync(params ResponseRow[] rows) => await ScoreAsync(await TestStudy.SampleAsync(), rows);

    private static float Score(ScoredResponses scored, string scale, int row) =>
        scored.Scores[IndexOf(scored.Table.Study.Scales.Select(s => s.Id.Value), scale)][row];

    private static float Recoded(ScoredResponses scored, string item, int row) =>
        scored.Recoded[IndexOf(scored.Table.Study.Items.Select(i => i.Id.Value), item)][row];

    private static int IndexOf(IEnumerable<string> ids, string id)
    {
        var index = ids.ToList().IndexOf(id);
        Assert.True(index >= 0, $"no '{id}'");
        return index;
    }

    [Fact]
    public async Task ReverseKeyedItemsOnOneToFiveAreRecodedAsSixMinusTheAnswer()
    {
        var scored = await ScoreAsync(ResponseRow.Valid().Answers("dk", 1, 2, 3, 4, 5, 1));

        // dk_02, dk_04, dk_06 reversed: 2 → 4, 4 → 2, 1 → 5; the others unchanged.
        Assert.Equal(new float[] { 1, 4, 3, 2, 5, 5 }, new[] { "dk_01", "dk_02", "dk_03", "dk_04", "dk_05", "dk_06" }.Select(i => Recoded(scored, i, 0)));
        Assert.Equal(20f / 6, Score(scored, "draagkracht", 0), Tolerance);
    }

    [Fact]
    public async Task ReverseKeyedItemsOnZeroToSixAndZeroToFiveAreRecodedWithTheirOwnBounds()
    {
        // A copy in which bv_01 (frequentie7, 0–6) and wb_01 (who5, 0–5) are reverse-keyed in every scale that holds them.
        using var copy = TestStudy.Copy()
            .EditInstrument("bevlogenheid", i =>
            {
                i["scales"]![0]!["reverse"] = new JsonArray("bv_01");
                i["scales"]![0]!["subscales"]![0]!["reverse"] = new JsonArray("bv_01");
            })
            .EditInstrument("welbevinden", i => i["scales"]![0]!["reverse"] = new JsonArray("wb_01"));
        var study = await copy.LoadAsync();

        var scored = await ScoreAsync(study,
            ResponseRow.Valid().Answers("bv", 0, 4, 5, 4, 2, 5, 3, 4, 4).Answers("wb", 0, 2, 4, 3, 2),
            ResponseRow.Valid().Answers("bv", 2, 4, 5, 4, 2, 5, 3, 4, 4).Answers("wb", 1, 2, 4, 3, 2),
            ResponseRow.Valid().Answers("bv", 6, 4, 5, 4, 2, 5, 3, 4, 4).Answers("wb", 5, 2, 4, 3, 2));

        Assert.Equal(new float[] { 6, 4, 0 }, Enumerable.Range(0, 3).Select(r => Recoded(scored, "bv_01", r)));
        Assert.Equal(new float[] { 5, 4, 0 }, Enumerable.Range(0, 3).Select(r => Recoded(scored, "wb_01", r)));
        Assert.Equal(4f, Recoded(scored, "bv_02", 0));
        // vitaliteit = mean(bv_01 recoded, bv_02, bv_03): (6 + 4 + 5) / 3, (4 + 4 + 5) / 3, (0 + 4 + 5) / 3.
        Assert.Equal(15f / 3, Score(scored, "vitaliteit", 0), Tolerance);
        Assert.Equal(13f / 3, Score(scored, "vitaliteit", 1), Tolerance);
        Assert.Equal(9f / 3, Score(scored, "vitaliteit", 2), Tolerance);
        // welbevinden = mean(wb_01 recoded, 2, 4, 3, 2): (5 + 11) / 5 and (0 + 11) / 5.
        Assert.Equal(16f / 5, Score(scored, "welbevinden", 0), Tolerance);
        Assert.Equal(11f / 5, Score(scored, "welbevinden", 2), Tolerance);
    }

    [Fact]
    public async Task AParentScaleIsTheMeanOfAllItsRecodedItems()
    {
        var row = ResponseRow.Valid().Answers("gl", 5, 5, 5, 1, 5, 4, 4, 2, 4, 2, 3, 3, 3, 3, 3);

        var scored = await ScoreAsync(row);

        // Recoded: 5 5 5 5 5 | 4 4 4 4 4 | 3 3 3 3 3 (gl_04, gl_08, gl_10, gl_13 reversed; gl_13 = 3 stays 3).
        Assert.Equal(5f, Score(scored, "steun_leiding", 0), Tolerance);
        Assert.Equal(4f, Score(scored, "participatie", 0), Tolerance);
        Assert.Equal(3f, Score(scored, "collegialiteit", 0), Tolerance);
        Assert.Equal(4f, Score(scored, "gedeeld_leiderschap", 0), Tolerance);
    }

    [Fact]
    public async Task AScaleWithExactlyHalfItsItemsAnsweredIsScoredFromThoseItems()
    {
        // draagkracht: k = 6, ⌈0.5 × 6⌉ = 3. Answered dk_01 = 5, dk_02 = 1 (→ 5), dk_03 = 3.
        var scored = await ScoreAsync(ResponseRow.Valid().Answers("dk", 5, 1, 3, null, null, null));

        Assert.Equal(13f / 3, Score(scored, "draagkracht", 0), Tolerance);
    }

    [Fact]
    public async Task AScaleWithFewerThanHalfItsItemsAnsweredHasNoScore()
    {
        var scored = await ScoreAsync(ResponseRow.Valid().Answers("dk", 5, 1, null, null, null, null));

        Assert.True(float.IsNaN(Score(scored, "draagkracht", 0)));
        Assert.False(float.IsNaN(Score(scored, "welbevinden", 0)));
    }

    [Fact]
    public async Task WithAnOddNumberOfItemsHalfIsRoundedUp()
    {
        // welbevinden: k = 5 needs 3; vitaliteit: k = 3 needs 2.
        var scored = await ScoreAsync(
            ResponseRow.Valid().Answers("wb", 1, 2, 4, null, null).Answers("bv", 6, 3, null, 4, 2, 5, 3, 4, 4),
            ResponseRow.Valid().Answers("wb", 1, 2, null, null, null).Answers("bv", 6, null, null, 4, 2, 5, 3, 4, 4));

        Assert.Equal(7f / 3, Score(scored, "welbevinden", 0), Tolerance);
        Assert.Equal(4.5f, Score(scored, "vitaliteit", 0), Tolerance);
        Assert.True(float.IsNaN(Score(scored, "welbevinden", 1)));
        Assert.True(float.IsNaN(Score(scored, "vitaliteit", 1)));
        // The parent bevlogenheid (k = 9, needs 5) still has 7 and 8 answers.
        Assert.Equal(31f / 8, Score(scored, "bevlogenheid", 0), Tolerance);
        Assert.Equal(28f / 7, Score(scored, "bevlogenheid", 1), Tolerance);
    }

    [Fact]
    public async Task AScalesOwnMinimumShareApplies()
    {
        using var copy = TestStudy.Copy().EditInstrument("welbevinden", i => i["scales"]![1]!["minAnsweredShare"] = 1.0);
        var study = await copy.LoadAsync();

        var scored = await ScoreAsync(study, ResponseRow.Valid().Answers("dk", 5, 1, 3, 2, 4, null), ResponseRow.Valid().Answers("dk", 5, 1, 3, 2, 4, 1));

        Assert.True(float.IsNaN(Score(scored, "draagkracht", 0)));
        // 5, 5, 3, 4, 4, 5
        Assert.Equal(26f / 6, Score(scored, "draagkracht", 1), Tolerance);
    }

    [Fact]
    public async Task ASumScaleIsTheMeanOfTheAnsweredItemsTimesTheNumberOfItems()
    {
        using var copy = TestStudy.Copy().EditInstrument("welbevinden", i => i["scales"]![0]!["scoring"] = "sum");
        var study = await copy.LoadAsync();

        var scored = await ScoreAsync(study, ResponseRow.Valid().Answers("wb", 1, 2, 3, 4, 5), ResponseRow.Valid().Answers("wb", 1, 2, 3, 4, null));

        Assert.Equal(15f, Score(scored, "welbevinden", 0), Tolerance);
        // Prorated: (1 + 2 + 3 + 4) / 4 × 5.
        Assert.Equal(12.5f, Score(scored, "welbevinden", 1), Tolerance);
        // The other scales stay means: dk 4 2 4 1 5 2 → 4 4 4 5 5 4.
        Assert.Equal(26f / 6, Score(scored, "draagkracht", 0), Tolerance);
    }

    [Fact]
    public async Task ARowThatCleaningExcludesHasNoScores()
    {
        var scored = await ScoreAsync(ResponseRow.Valid(), ResponseRow.Valid().Duration(5));

        Assert.Equal(1, scored.Count);
        Assert.Equal(new[] { 0 }, scored.Rows);
        Assert.All(scored.Scores, column => Assert.True(float.IsNaN(column[1])));
        Assert.All(scored.Scores, column => Assert.False(float.IsNaN(column[0])));
    }

    [Fact]
    public async Task ScoringLeavesTheTablesAnswersAsGivenSoScoringTwiceGivesTheSameScores()
    {
        var table = (await TestResponses.ReadAsync(ResponseRow.Valid())).Table;
        var cleaning = ResponseCleaning.Apply(table);
        var first = ScaleScoring.Apply(table, cleaning);
        var second = ScaleScoring.Apply(table, cleaning);

        // dk_02 = 2 is reverse-keyed on 1–5: scored as 4, stored as 2.
        Assert.Equal(2f, table.Answers[6][0]);
        Assert.Equal(4f, first.Recoded[6][0]);
        Assert.Equal(4f, second.Recoded[6][0]);
        Assert.Equal(first.Scores.Select(s => s[0]), second.Scores.Select(s => s[0]));
    }
}
