using Monitoring.Analysis.Statistics;

namespace Monitoring.Analysis.Tests.Statistics;

public class DescriptivesTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void MeanSdAndIntervalMatchAHandCalculation()
    {
        float[] values = [2, 4, 4, float.NaN, 4, 5, 5, 7, 9];

        var result = Descriptives.Compute(values);

        // n = 8, mean 5, squared deviations 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16 = 32, sd = sqrt(32/7).
        double sd = Math.Sqrt(32.0 / 7);
        double se = sd / Math.Sqrt(8);
        const double t975With7Df = 2.3646242515927844; // R: qt(0.975, 7)
        Assert.Equal(8, result.N);
        Assert.Equal(5.0, result.Mean, Tolerance);
        Assert.Equal(sd, result.StandardDeviation, Tolerance);
        Assert.Equal(se, result.StandardError, Tolerance);
        Assert.Equal(5 - (t975With7Df * se), result.Lower, Tolerance);
        Assert.Equal(5 + (t975With7Df * se), result.Upper, Tolerance);
        Assert.Equal(0.95, result.ConfidenceLevel);
    }

    [Theory]
    [InlineData("describe_wave0_95", 0f, 0.95)]
    [InlineData("describe_wave1_90", 1f, 0.90)]
    public void ASubsetOfRowsMatchesRsTTest(string prefix, float wave, double level)
    {
        var data = Reference.Columns("groups.csv");
        int[] rows = [.. Enumerable.Range(0, data["wave"].Length).Where(r => data["wave"][r] == wave)];

        var result = Descriptives.Compute(data["score"], rows, level);

        Assert.Equal((int)Reference.Value($"{prefix}.n"), result.N);
        Assert.Equal(Reference.Value($"{prefix}.mean"), result.Mean, Tolerance);
        Assert.Equal(Reference.Value($"{prefix}.sd"), result.StandardDeviation, Tolerance);
        Assert.Equal(Reference.Value($"{prefix}.se"), result.StandardError, Tolerance);
        Assert.Equal(Reference.Value($"{prefix}.lower"), result.Lower, Tolerance);
        Assert.Equal(Reference.Value($"{prefix}.upper"), result.Upper, Tolerance);
    }

    [Fact]
    public void ValuesAndTheSameValuesAsRowsGiveTheSameResult()
    {
        var scores = Reference.Columns("groups.csv")["score"];
        int[] all = [.. Enumerable.Range(0, scores.Length)];

        Assert.Equal(Descriptives.Compute(scores), Descriptives.Compute(scores, all));
    }

    [Fact]
    public void OneValueHasAMeanButNoSpreadOrInterval()
    {
        var result = Descriptives.Compute([float.NaN, 3f]);

        Assert.Equal(1, result.N);
        Assert.Equal(3.0, result.Mean);
        Assert.True(double.IsNaN(result.StandardDeviation));
        Assert.True(double.IsNaN(result.StandardError));
        Assert.True(double.IsNaN(result.Lower));
        Assert.True(double.IsNaN(result.Upper));
    }

    [Fact]
    public void NoValuesGiveNaNWithoutThrowing()
    {
        var result = Descriptives.Compute([float.NaN]);

        Assert.Equal(0, result.N);
        Assert.True(double.IsNaN(result.Mean));
        Assert.True(double.IsNaN(result.Upper));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(95.0)]
    [InlineData(double.NaN)]
    public void AConfidenceLevelOutsideZeroToOneIsACallersBug(double level)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Descriptives.Compute([1f, 2f], level));
    }
}
