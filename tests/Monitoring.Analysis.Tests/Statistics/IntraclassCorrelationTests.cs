using Monitoring.Analysis.Statistics;

namespace Monitoring.Analysis.Tests.Statistics;

public class IntraclassCorrelationTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void BalancedGroupsMatchAHandCalculation()
    {
        float[] values = [1, 2, 3, 4, 5, 6];
        int[] groups = [0, 0, 0, 1, 1, 1];

        var result = IntraclassCorrelation.Compute(values, groups, groupCount: 2);

        // Group means 2 and 5, grand mean 3.5: SSB = 3 · 1.5² · 2 = 13.5 on 1 df; SSW = 2 + 2 = 4 on 4 df.
        Assert.Equal(13.5, result.MeanSquareBetween, Tolerance);
        Assert.Equal(1.0, result.MeanSquareWithin, Tolerance);
        Assert.Equal(3.0, result.AdjustedGroupSize, Tolerance);
        Assert.Equal(3.0, result.MeanGroupSize, Tolerance);
        Assert.Equal(12.5 / (13.5 + (2 * 1.0)), result.Icc1, Tolerance);
        Assert.Equal(12.5 / 13.5, result.Icc2, Tolerance);
        Assert.Equal(1, result.DegreesOfFreedomBetween);
        Assert.Equal(4, result.DegreesOfFreedomWithin);
    }

    [Fact]
    public void UnbalancedGroupsUseTheAdjustedGroupSize()
    {
        // Sizes 1, 2, 3 (N = 6, Σn² = 14): k0 = (6 − 14/6) / 2 = 11/6, mean group size 2.
        // Means 4, 2, 6; grand mean 26/6 = 13/3.
        float[] values = [4, 1, 3, 5, 6, 7, float.NaN];
        int[] groups = [0, 1, 1, 2, 2, 2, 1];

        var result = IntraclassCorrelation.Compute(values, groups, groupCount: 3);

        double grand = 26.0 / 6;
        double msb = ((1 * Math.Pow(4 - grand, 2)) + (2 * Math.Pow(2 - grand, 2)) + (3 * Math.Pow(6 - grand, 2))) / 2;
        double msw = (2.0 + 2.0) / 3; // (1−2)² + (3−2)² and (5−6)² + 0 + (7−6)²
        double k0 = 11.0 / 6;
        Assert.Equal(6, result.N);
        Assert.Equal(3, result.GroupCount);
        Assert.Equal(k0, result.AdjustedGroupSize, Tolerance);
        Assert.Equal(2.0, result.MeanGroupSize, Tolerance);
        Assert.Equal(msb, result.MeanSquareBetween, Tolerance);
        Assert.Equal(msw, result.MeanSquareWithin, Tolerance);
        Assert.Equal((msb - msw) / (msb + ((k0 - 1) * msw)), result.Icc1, Tolerance);
        Assert.Equal((msb - msw) / msb, result.Icc2, Tolerance);
    }

    [Theory]
    [InlineData("icc_all", null)]
    [InlineData("icc_wave0", 0f)]
    public void MeanSquaresAndIccsMatchRsAov(string prefix, float? wave)
    {
        var data = Reference.Columns("groups.csv");
        int[] groups = [.. data["school"].Select(school => (int)school)];
        int[] rows = [.. Enumerable.Range(0, groups.Length).Where(r => wave is null || data["wave"][r] == wave)];

        var result = IntraclassCorrelation.Compute(data["score"], groups, rows, groupCount: 12);

        Assert.Equal((int)Reference.Value($"{prefix}.n"), result.N);
        Assert.Equal((int)Reference.Value($"{prefix}.groups"), result.GroupCount);
        Assert.Equal((int)Reference.Value($"{prefix}.df_between"), result.DegreesOfFreedomBetween);
        Assert.Equal((int)Reference.Value($"{prefix}.df_within"), result.DegreesOfFreedomWithin);
        Assert.Equal(Reference.Value($"{prefix}.msb"), result.MeanSquareBetween, Tolerance);
        Assert.Equal(Reference.Value($"{prefix}.msw"), result.MeanSquareWithin, Tolerance);
        Assert.Equal(Reference.Value($"{prefix}.k0"), result.AdjustedGroupSize, Tolerance);
        Assert.Equal(Reference.Value($"{prefix}.icc1"), result.Icc1, Tolerance);
        Assert.Equal(Reference.Value($"{prefix}.icc2"), result.Icc2, Tolerance);
    }

    [Fact]
    public void TheMultilevelPackagesIcc1FollowsFromTheReportedMeanGroupSize()
    {
        var data = Reference.Columns("groups.csv");
        int[] groups = [.. data["school"].Select(school => (int)school)];

        var result = IntraclassCorrelation.Compute(data["score"], groups, groupCount: 12);

        double msb = result.MeanSquareBetween, msw = result.MeanSquareWithin;
        Assert.Equal(
            Reference.Value("icc_all.icc1_mean_group_size"),
            (msb - msw) / (msb + ((result.MeanGroupSize - 1) * msw)),
            Tolerance);
    }

    [Fact]
    public void EmptyGroupsAreIgnored()
    {
        float[] values = [1, 2, 3, 4, 5, 6];

        var compact = IntraclassCorrelation.Compute(values, [0, 0, 0, 1, 1, 1], groupCount: 2);
        var sparse = IntraclassCorrelation.Compute(values, [3, 3, 3, 7, 7, 7], groupCount: 10);

        Assert.Equal(compact, sparse);
    }

    [Fact]
    public void OneGroupOrNoWithinGroupVariationGiveNaNWithoutThrowing()
    {
        var oneGroup = IntraclassCorrelation.Compute([1f, 2f, 3f], [0, 0, 0], groupCount: 1);
        var singletons = IntraclassCorrelation.Compute([1f, 2f, 3f], [0, 1, 2], groupCount: 3);
        var constant = IntraclassCorrelation.Compute([2f, 2f, 2f, 2f], [0, 0, 1, 1], groupCount: 2);

        Assert.True(double.IsNaN(oneGroup.Icc1));
        Assert.True(double.IsNaN(oneGroup.Icc2));
        Assert.True(double.IsNaN(singletons.MeanSquareWithin));
        Assert.True(double.IsNaN(singletons.Icc1));
        Assert.True(double.IsNaN(constant.Icc1));
        Assert.True(double.IsNaN(constant.Icc2));
    }

    [Fact]
    public void AGroupIndexOutsideTheGroupCountIsACallersBug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IntraclassCorrelation.Compute([1f, 2f], [0, 2], groupCount: 2));
        Assert.Throws<ArgumentException>(() => IntraclassCorrelation.Compute([1f, 2f], [0], groupCount: 2));
    }
}
