using Monitoring.Analysis.Statistics;

namespace Monitoring.Analysis.Tests.Statistics;

public class ChangeTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void IndependentChangeMatchesAHandCalculation()
    {
        float[] earlier = [1, 2, 3, float.NaN];
        float[] later = [2, 4, 4, 6];

        var result = Change.Independent(earlier, later);

        // Earlier: n 3, mean 2, s² 1. Later: n 4, mean 4, s² 8/3.
        double v1 = 1.0 / 3, v2 = 8.0 / 3 / 4;
        double se = Math.Sqrt(v1 + v2);
        double df = Math.Pow(v1 + v2, 2) / ((v1 * v1 / 2) + (v2 * v2 / 3));
        double pooledSd = Math.Sqrt(((2 * 1.0) + (3 * 8.0 / 3)) / 5);
        Assert.Equal(2.0, result.Difference, Tolerance);
        Assert.Equal(se, result.StandardError, Tolerance);
        Assert.Equal(df, result.DegreesOfFreedom, Tolerance);
        Assert.Equal(2.0 / pooledSd, result.CohensD, Tolerance);
        Assert.Equal(3, result.Earlier.N);
        Assert.Equal(4, result.Later.N);
        Assert.Equal(result.Difference, (result.Lower + result.Upper) / 2, Tolerance);
    }

    [Fact]
    public void IndependentChangeBetweenTwoWavesMatchesRsWelchTTest()
    {
        var data = Reference.Columns("groups.csv");
        int[] earlierRows = [.. Enumerable.Range(0, data["wave"].Length).Where(r => data["wave"][r] == 0)];
        int[] laterRows = [.. Enumerable.Range(0, data["wave"].Length).Where(r => data["wave"][r] == 1)];

        var result = Change.Independent(data["score"], earlierRows, laterRows, 0.95);

        Assert.Equal((int)Reference.Value("independent.n_earlier"), result.Earlier.N);
        Assert.Equal((int)Reference.Value("independent.n_later"), result.Later.N);
        Assert.Equal(Reference.Value("independent.difference"), result.Difference, Tolerance);
        Assert.Equal(Reference.Value("independent.se"), result.StandardError, Tolerance);
        Assert.Equal(Reference.Value("independent.df"), result.DegreesOfFreedom, Tolerance);
        Assert.Equal(Reference.Value("independent.lower"), result.Lower, Tolerance);
        Assert.Equal(Reference.Value("independent.upper"), result.Upper, Tolerance);
        Assert.Equal(Reference.Value("independent.cohens_d"), result.CohensD, Tolerance);
        Assert.Equal(Reference.Value("independent.psych_hedges_g"), result.CohensD, Tolerance);
        Assert.Equal(Reference.Value("describe_wave0_95.upper"), result.Earlier.Upper, Tolerance);
    }

    [Fact]
    public void PairedChangeMatchesAHandCalculation()
    {
        float[] earlier = [1, 2, 3, 4, float.NaN];
        float[] later = [2, 4, 3, 7, 5];

        var result = Change.Paired(earlier, later);

        // Differences 1, 2, 0, 3: mean 1.5, squares 0.25 + 0.25 + 2.25 + 2.25 = 5, s_d = sqrt(5/3).
        // s_earlier = sqrt(5/3); later 2, 4, 3, 7 (mean 4): squares 4 + 0 + 1 + 9 = 14, s_later = sqrt(14/3).
        double sd = Math.Sqrt(5.0 / 3);
        const double t975With3Df = 3.1824463052837078; // R: qt(0.975, 3)
        Assert.Equal(4, result.N);
        Assert.Equal(2.5, result.EarlierMean, Tolerance);
        Assert.Equal(4.0, result.LaterMean, Tolerance);
        Assert.Equal(1.5, result.MeanDifference, Tolerance);
        Assert.Equal(sd, result.StandardDeviationOfDifferences, Tolerance);
        Assert.Equal(sd / 2, result.StandardError, Tolerance);
        Assert.Equal(3.0, result.DegreesOfFreedom);
        Assert.Equal(1.5 - (t975With3Df * sd / 2), result.Lower, Tolerance);
        Assert.Equal(1.5 + (t975With3Df * sd / 2), result.Upper, Tolerance);
        Assert.Equal(1.5 / sd, result.CohensDz, Tolerance);
        Assert.Equal(1.5 / ((Math.Sqrt(5.0 / 3) + Math.Sqrt(14.0 / 3)) / 2), result.CohensDav, Tolerance);
    }

    [Fact]
    public void PairedChangeOfLinkedRespondentsMatchesRsPairedTTest()
    {
        var data = Reference.Columns("paired.csv");

        var result = Change.Paired(data["earlier"], data["later"], 0.95);

        Assert.Equal((int)Reference.Value("paired.n"), result.N);
        Assert.Equal(Reference.Value("paired.earlier_mean"), result.EarlierMean, Tolerance);
        Assert.Equal(Reference.Value("paired.later_mean"), result.LaterMean, Tolerance);
        Assert.Equal(Reference.Value("paired.difference"), result.MeanDifference, Tolerance);
        Assert.Equal(Reference.Value("paired.sd_difference"), result.StandardDeviationOfDifferences, Tolerance);
        Assert.Equal(Reference.Value("paired.se"), result.StandardError, Tolerance);
        Assert.Equal(Reference.Value("paired.df"), result.DegreesOfFreedom, Tolerance);
        Assert.Equal(Reference.Value("paired.lower"), result.Lower, Tolerance);
        Assert.Equal(Reference.Value("paired.upper"), result.Upper, Tolerance);
        Assert.Equal(Reference.Value("paired.dz"), result.CohensDz, Tolerance);
        Assert.Equal(Reference.Value("paired.dav"), result.CohensDav, Tolerance);
    }

    [Fact]
    public void PairedRowsInOneColumnGiveTheSameResultAsAlignedSpans()
    {
        var data = Reference.Columns("paired.csv");
        int n = data["earlier"].Length;
        float[] column = [.. data["later"], .. data["earlier"]]; // the later wave stored first
        int[] earlierRows = [.. Enumerable.Range(n, n)];
        int[] laterRows = [.. Enumerable.Range(0, n)];

        Assert.Equal(
            Change.Paired(data["earlier"], data["later"]),
            Change.Paired(column, earlierRows, laterRows));
    }

    [Fact]
    public void TooFewValuesGiveNaNWithoutThrowing()
    {
        var independent = Change.Independent([3f], [4f, 5f]);
        var paired = Change.Paired([3f, float.NaN], [4f, 5f]);

        Assert.Equal(1.5, independent.Difference, Tolerance);
        Assert.True(double.IsNaN(independent.Lower));
        Assert.True(double.IsNaN(independent.CohensD));
        Assert.Equal(1, paired.N);
        Assert.True(double.IsNaN(paired.Lower));
        Assert.True(double.IsNaN(paired.CohensDz));
        Assert.True(double.IsNaN(paired.CohensDav));
    }

    [Fact]
    public void MisalignedPairsAreACallersBug()
    {
        Assert.Throws<ArgumentException>(() => Change.Paired([1f, 2f], [1f]));
        Assert.Throws<ArgumentException>(() => Change.Paired([1f, 2f], [0, 1], [1]));
    }
}
