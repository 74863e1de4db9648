using Monitoring.Core.Privacy;

namespace Monitoring.Core.Tests.Privacy;

/// <summary>The one disclosure rule (docs/methods.md, "One disclosure decision"), threshold 5 unless said.</summary>
public class DisclosureRuleTests
{
    private const Disclosure Shown = Disclosure.Shown;
    private const Disclosure Below = Disclosure.BelowThreshold;
    private const Disclosure Complementary = Disclosure.Complementary;
    private const Disclosure Withheld = Disclosure.Withheld;

    [Fact]
    public void FewerCountsThanTheThresholdAreHiddenAndExactlyTheThresholdIsShown()
    {
        Assert.Equal([Below, Shown, Below, Shown], DisclosureRule.DecideCounts([4, 5, 1, 6], 5));
    }

    [Fact]
    public void AUnitWithoutResponsesIsHiddenAndNeedsNoCompanion()
    {
        Assert.Equal([Below, Shown, Shown], DisclosureRule.DecideCounts([0, 9, 8], 5));
    }

    [Fact]
    public void OneSmallChildMakesTheSmallestShownSiblingHiddenToo()
    {
        // Hidden now: 2 + 6 (+ 0) = 8 ≥ 5 in two schools with responses: the total minus the shown 7 reveals no school.
        Assert.Equal([Below, Shown, Complementary, Below], DisclosureRule.DecideCounts([2, 7, 6, 0], 5));
    }

    [Fact]
    public void SmallChildrenThatTogetherReachTheThresholdNeedNoCompanion()
    {
        Assert.Equal([Shown, Below, Below, Shown, Below], DisclosureRule.DecideCounts([5, 4, 1, 6, 0], 5));
    }

    [Fact]
    public void AmongEquallySmallShownSiblingsTheFirstIsHidden()
    {
        Assert.Equal([Below, Shown, Complementary, Shown], DisclosureRule.DecideCounts([3, 8, 6, 6], 5));
    }

    [Fact]
    public void AWithheldSchoolIsHiddenWithACompanionThoughItHoldsTheThresholdAlone()
    {
        // Alone, the network's total minus the shown schools would give the withheld school's count exactly.
        Assert.Equal([Withheld, Complementary, Shown], DisclosureRule.DecideCounts([12, 7, 9], 5, [true, false, false]));
    }

    [Fact]
    public void ALoneSmallChildWithoutShownSiblingsIsTheOnlyOneHidden()
    {
        Assert.Equal([Below, Below, Below], DisclosureRule.DecideCounts([3, 0, 0], 5));
    }

    [Fact]
    public void AThresholdOfOneHidesOnlyEmptyUnits()
    {
        Assert.Equal([Shown, Below, Shown], DisclosureRule.DecideCounts([1, 0, 2], 1));
    }

    [Fact]
    public void AScaleWithFewValidScoresHidesTheWholeUnitAndEveryMeasureGetsItsCompanion()
    {
        // Schools a, b, c, d of one network; measures: responses, then one scale. a has 20 responses but 3 valid scores
        // on the scale: hidden (primary). On responses a alone would be recovered, so the smallest other (b, 8) is hidden;
        // b has no score on the scale, so the scale needs one more hidden school with scores: c.
        int[][][] counts =
        [
            [[20, 8, 10, 30], [3, 0, 10, 30]],
            [[68], [43]],
        ];

        var decided = DisclosureRule.Decide(counts, [[0, 0, 0, 0]], null, 5);

        Assert.Equal([Below, Complementary, Complementary, Shown], decided[0]);
        Assert.Equal([Shown], decided[1]);
    }

    [Fact]
    public void ANetworkHiddenToProtectASiblingIsNotGivenAwayByItsOnlyShownSchool()
    {
        // Trajectory of three networks with one school each: 6, 3, 20. The 3 is hidden, the 6 network with it, and then
        // its school too, or the trajectory's total minus the shown schools would give the 3.
        int[][][] counts =
        [
            [[6, 3, 20]],
            [[6, 3, 20]],
            [[29]],
            [[29]],
        ];

        var decided = DisclosureRule.Decide(counts, [[0, 1, 2], [0, 0, 0], [0]], null, 5);

        Assert.Equal([Complementary, Below, Shown], decided[0]);
        Assert.Equal([Complementary, Below, Shown], decided[1]);
        Assert.Equal([Shown], decided[2]);
    }

    [Fact]
    public void AShownParentWhoseOneChildWithCountsIsHiddenIsHiddenToo()
    {
        int[][][] counts = [[[0, 12]], [[12]], [[12]]];

        var decided = DisclosureRule.Decide(counts, [[0, 0], [0]], [false, true], 5);

        Assert.Equal([Below, Withheld], decided[0]);
        Assert.Equal([Complementary], decided[1]);
    }

    [Fact]
    public void TheShapesMustAgree()
    {
        Assert.Throws<ArgumentException>(() => DisclosureRule.Decide([[[1, 2]], [[3]]], [], null, 5));
        Assert.Throws<ArgumentException>(() => DisclosureRule.Decide([[[1, 2]], [[3], [3]]], [[0, 0]], null, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => DisclosureRule.DecideCounts([1, -1], 5));
    }

    [Fact]
    public void OnRandomHierarchiesNoShownUnitMinusItsShownChildrenLeavesOneHiddenChildOrASmallGroup()
    {
        var random = new Random(20261204);
        for (var trial = 0; trial < 1500; trial++)
        {
            var threshold = random.Next(1, 8);
            var measures = random.Next(1, 4);
            var networks = random.Next(1, 6);
            var schools = random.Next(1, 16);
            var schoolNetwork = Enumerable.Range(0, schools).Select(_ => random.Next(networks)).ToArray();
            var counts = new int[3][][];
            counts[0] = new int[measures][];
            counts[0][0] = Enumerable.Range(0, schools).Select(_ => random.Next(0, 4) == 0 ? random.Next(0, 5) : random.Next(1, 30)).ToArray();
            for (var m = 1; m < measures; m++) counts[0][m] = counts[0][0].Select(n => n == 0 ? 0 : Math.Max(0, n - random.Next(0, 4))).ToArray();
            counts[1] = Enumerable.Range(0, measures).Select(m => Enumerable.Range(0, networks).Select(p => Enumerable.Range(0, schools).Where(s => schoolNetwork[s] == p).Sum(s => counts[0][m][s])).ToArray()).ToArray();
            counts[2] = Enumerable.Range(0, measures).Select(m => new[] { counts[1][m].Sum() }).ToArray();
            var withheld = Enumerable.Range(0, schools).Select(_ => random.Next(0, 12) == 0).ToArray();

            var decided = DisclosureRule.Decide(counts, [schoolNetwork, new int[networks]], withheld, threshold);

            for (var s = 0; s < schools; s++)
            {
                Assert.Equal(withheld[s], decided[0][s] == Withheld);
                if (!withheld[s] && (counts[0][0][s] < threshold || Enumerable.Range(1, measures - 1).Any(m => counts[0][m][s] is > 0 and var c && c < threshold)))
                    Assert.Equal(Below, decided[0][s]);
            }
            for (var level = 1; level < 3; level++)
                for (var p = 0; p < decided[level].Length; p++)
                    for (var m = 0; m < measures; m++)
                    {
                        var children = level == 1 ? Enumerable.Range(0, schools).Where(s => schoolNetwork[s] == p).ToArray() : Enumerable.Range(0, networks).ToArray();
                        var below = decided[level - 1];
                        var hidden = children.Where(c => below[c] != Shown && counts[level - 1][m][c] > 0).ToArray();
                        var shownWithCounts = children.Any(c => below[c] == Shown && counts[level - 1][m][c] > 0);
                        var hiddenSum = hidden.Sum(c => counts[level - 1][m][c]);
                        if (decided[level][p] == Shown)
                            Assert.True(hidden.Length == 0 || (hidden.Length >= 2 && hiddenSum >= threshold), $"trial {trial}: shown parent {level}/{p} leaves {hidden.Length} hidden with {hiddenSum}");
                        else
                            Assert.True(!shownWithCounts || hiddenSum >= threshold, $"trial {trial}: hidden parent {level}/{p} keeps only {hiddenSum} hidden");
                    }
        }
    }
}
