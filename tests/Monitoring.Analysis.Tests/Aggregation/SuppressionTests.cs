using Monitoring.Analysis.Aggregation;

namespace Monitoring.Analysis.Tests.Aggregation;

/// <summary>Primary and complementary suppression (docs/methods.md, "Aggregates and privacy"), threshold 5 unless said.</summary>
public class SuppressionTests
{
    private const string Below = Suppression.BelowThreshold;
    private const string Complementary = Suppression.Complementary;

    private static string?[] Apply(int[] n, int[] parent, int parents, int threshold = 5)
    {
        var reason = new string?[n.Length];
        Suppression.Apply(n, parent, parents, threshold, reason);
        return reason;
    }

    [Fact]
    public void FewerScoresThanTheThresholdAreSuppressedAndExactlyTheThresholdIsShown()
    {
        Assert.Equal(new[] { Below, null, Below, null }, Apply([4, 5, 1, 6], [0, 1, 2, 3], 0));
    }

    [Fact]
    public void AUnitWithoutScoresIsSuppressed()
    {
        Assert.Equal(new[] { Below, null }, Apply([0, 9], [0, 0], 0));
    }

    [Fact]
    public void WithoutParentsOnlyPrimarySuppressionApplies()
    {
        Assert.Equal(new[] { Below, null, null }, Apply([2, 7, 6], [], 0));
    }

    [Fact]
    public void OneSmallChildMakesTheSmallestShownSiblingSuppressedToo()
    {
        var reason = Apply([2, 7, 6, 0], [0, 0, 0, 0], 1);

        Assert.Equal(new[] { Below, null, Complementary, Below }, reason);
        // The suppressed children now hold 2 + 6 + 0 = 8 ≥ 5 scores: the parent's total minus the shown 7 reveals no school.
    }

    [Fact]
    public void SmallChildrenThatTogetherReachTheThresholdNeedNoComplementarySuppression()
    {
        Assert.Equal(new[] { null, Below, Below, null, Below }, Apply([5, 4, 1, 6, 0], [0, 0, 0, 0, 0], 1));
    }

    [Fact]
    public void AParentWhoseSuppressedChildrenHoldNoScoresNeedsNoComplementarySuppression()
    {
        Assert.Equal(new[] { Below, null, null, Below }, Apply([0, 7, 6, 0], [0, 0, 0, 0], 1));
    }

    [Fact]
    public void AmongEquallySmallShownSiblingsTheFirstIsSuppressed()
    {
        Assert.Equal(new[] { Below, null, Complementary, null }, Apply([3, 8, 6, 6], [0, 0, 0, 0], 1));
    }

    [Fact]
    public void EachParentIsJudgedOnItsOwnChildren()
    {
        // Parent 0: 2 hidden → its 8 is suppressed too. Parent 1: nothing hidden.
        var reason = Apply([2, 8, 7, 9], [0, 0, 1, 1], 2);

        Assert.Equal(new[] { Below, Complementary, null, null }, reason);
    }

    [Fact]
    public void ALoneSmallChildWithoutShownSiblingsStaysTheOnlySuppressedOne()
    {
        // Nothing to add: the parent itself rests on 3 scores and is suppressed at its own level.
        Assert.Equal(new[] { Below, Below, Below }, Apply([3, 0, 0], [0, 0, 0], 1));
    }

    [Fact]
    public void AThresholdOfOneSuppressesOnlyEmptyUnits()
    {
        Assert.Equal(new[] { null, Below, null }, Apply([1, 0, 2], [0, 0, 0], 1, threshold: 1));
    }

    [Fact]
    public void EveryReasonIsOverwritten()
    {
        string?[] reason = [Complementary, Complementary, Below];

        Suppression.Apply([9, 9, 9], [0, 0, 0], 1, 5, reason);

        Assert.Equal(new string?[] { null, null, null }, reason);
    }

    [Fact]
    public void OnRandomUnitsNoParentEverHidesBetweenOneAndThresholdMinusOneScoresWhenItCouldHideMore()
    {
        var random = new Random(20240917);
        for (var trial = 0; trial < 2000; trial++)
        {
            var threshold = random.Next(1, 8);
            var parents = random.Next(1, 5);
            var count = random.Next(1, 12);
            var n = Enumerable.Range(0, count).Select(_ => random.Next(0, 3) == 0 ? 0 : random.Next(1, 15)).ToArray();
            var parent = Enumerable.Range(0, count).Select(_ => random.Next(parents)).ToArray();

            var reason = Apply(n, parent, parents, threshold);

            for (var i = 0; i < count; i++)
            {
                Assert.Equal(n[i] < threshold, reason[i] == Below);
                if (reason[i] == Complementary) Assert.True(n[i] >= threshold);
            }
            for (var p = 0; p < parents; p++)
            {
                var children = Enumerable.Range(0, count).Where(i => parent[i] == p).ToArray();
                var hidden = children.Where(i => reason[i] is not null).Sum(i => n[i]);
                var shown = children.Where(i => reason[i] is null).ToArray();
                Assert.True(hidden == 0 || hidden >= threshold || shown.Length == 0, $"trial {trial}: parent {p} hides {hidden}");
                // Minimal: at most one complementary suppression per parent, and only when it was needed.
                var complementary = children.Where(i => reason[i] == Complementary).ToArray();
                Assert.True(complementary.Length <= 1);
                if (complementary.Length == 1)
                {
                    var primary = children.Where(i => reason[i] == Below).Sum(i => n[i]);
                    Assert.InRange(primary, 1, threshold - 1);
                    Assert.All(shown, i => Assert.True(n[i] >= n[complementary[0]]));
                }
            }
        }
    }

    // ---- top-down: under suppressed parents ----------------------------------------------------

    private static string?[] UnderSuppressedParents(int[] n, int[] parent, bool[] parentSuppressed, string?[] reason, int threshold = 5)
    {
        Suppression.ApplyUnderSuppressedParents(n, parent, parentSuppressed, threshold, reason);
        return reason;
    }

    [Fact]
    public void TheOnlyShownChildOfASuppressedParentIsSuppressedToo()
    {
        Assert.Equal(new[] { Complementary, Below }, UnderSuppressedParents([6, 0], [0, 0], [true], [null, Below]));
    }

    [Fact]
    public void ASuppressedParentHidesItsSmallestShownChildrenUntilTheThresholdIsHidden()
    {
        // Parent 0 suppressed with children 9, 6, 7 shown: the 6 is hidden. Parent 1 shown: untouched.
        var reason = UnderSuppressedParents([9, 6, 7, 8], [0, 0, 0, 1], [true, false], [null, null, null, null]);

        Assert.Equal(new[] { null, Complementary, null, null }, reason);
    }

    [Fact]
    public void ASuppressedParentWhoseChildrenAlreadyHideTheThresholdNeedsNothingMore()
    {
        Assert.Equal(new[] { Complementary, null }, UnderSuppressedParents([6, 8], [0, 0], [true], [Complementary, null]));
    }

    [Fact]
    public void ASuppressedParentWithoutScoresNeedsNothing()
    {
        Assert.Equal(new[] { Below, Below }, UnderSuppressedParents([0, 0], [0, 0], [true], [Below, Below]));
    }
}
