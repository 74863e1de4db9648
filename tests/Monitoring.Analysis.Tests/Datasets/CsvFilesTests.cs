using Monitoring.Analysis.Datasets;

namespace Monitoring.Analysis.Tests.Datasets;

/// <summary>Rounding of statistics to significant digits (docs/formats.md: 8 for statistics, 7 for scores).</summary>
public class CsvFilesTests
{
    [Theory]
    [InlineData(1.0 / 3, 8, 0.33333333)]
    [InlineData(2.0 / 3, 8, 0.66666667)]
    [InlineData(123456.789, 8, 123456.79)]
    [InlineData(-0.000123456789, 8, -0.00012345679)]
    [InlineData(39.0 / 11, 8, 3.5454545)]
    [InlineData(20.0 / 6, 7, 3.333333)]
    [InlineData(12345678.9, 8, 12345679)]
    [InlineData(0.0, 8, 0.0)]
    public void AValueIsRoundedToTheGivenNumberOfSignificantDigits(double value, int digits, double expected)
    {
        Assert.Equal(expected, CsvFiles.Significant(value, digits));
    }

    [Fact]
    public void NonFiniteValuesAreLeftAsTheyAre()
    {
        Assert.True(double.IsNaN(CsvFiles.Significant(double.NaN, 8)));
        Assert.Equal(double.PositiveInfinity, CsvFiles.Significant(double.PositiveInfinity, 8));
    }
}
