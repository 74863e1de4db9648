using CsvHelper;
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

    [Theory]
    [InlineData(2.8f, "2.8")]
    [InlineData(41f / 9, "4.555555")] // the float is 4.5555553…
    [InlineData(0.6666667f, "0.6666667")]
    [InlineData(0f, "0")]
    [InlineData(-0f, "-0")]
    [InlineData(-1.25f, "-1.25")] // a number, so not escaped like text that starts with a minus
    [InlineData(float.NaN, "")]
    public void AScoreIsWrittenInShortestRoundTripFormToSevenDigits(float score, string expected)
    {
        Assert.Equal(expected, Write(csv => CsvFiles.Number(csv, score)));
    }

    [Theory]
    [InlineData(1.0 / 3, "0.33333333")]
    [InlineData(12345678.9, "12345679")]
    [InlineData(0.000123456789, "0.00012345679")]
    [InlineData(0.0000123456789, "1.2345679E-05")]
    [InlineData(-0.053878358, "-0.053878358")]
    [InlineData(1e20, "1E+20")]
    [InlineData(double.PositiveInfinity, "")]
    public void AStatisticIsWrittenInShortestRoundTripFormToEightDigits(double statistic, string expected)
    {
        Assert.Equal(expected, Write(csv => CsvFiles.Number(csv, statistic)));
        Assert.Equal("", Write(csv => CsvFiles.Number(csv, (double?)null)));
    }

    /// <summary>
    /// The numbers are formatted without the general double formatter where that is safe; the text must be what the
    /// writer makes of the rounded double, for scores (ratios of small integers) and statistics of every magnitude.
    /// </summary>
    [Fact]
    public void NumbersAreWrittenAsTheWriterWritesTheRoundedDouble()
    {
        var random = new Random(20240601);
        var scores = new List<float>();
        for (var n = 1; n <= 60; n++)
            for (var k = 0; k <= 10 * n; k++) scores.Add((float)k / n);
        for (var i = 0; i < 200_000; i++) scores.Add((float)(random.NextDouble() * Math.Pow(10, random.Next(-9, 10))));
        var statistics = new List<double>();
        for (var i = 0; i < 400_000; i++)
        {
            var magnitude = Math.Pow(10, random.Next(-10, 12));
            statistics.Add((random.NextDouble() - 0.2) * magnitude);
            statistics.Add(Math.Round(random.NextDouble() * 100, random.Next(0, 10)) * (random.Next(2) == 0 ? 1 : -1));
        }
        statistics.AddRange([1e-4, 0.99999999e-4, 0.000099999999, 0.00010000001, 0.999999995, 9.9999999949, 9.99999995, 12345678, 99999999.4, 99999999.5,
            99999999.6, 1e8, 1e9, 5e-324, double.MaxValue, -0.0]);
        scores.AddRange([1234567f, 9999999.5f, 0.0001f, 0.00009999999f, 1e-5f, 0.999999f, 0.9999999f]);

        Assert.Equal(Write(csv => { foreach (var s in scores) csv.WriteField(CsvFiles.Significant(s, 7)); }), Write(csv => { foreach (var s in scores) CsvFiles.Number(csv, s); }));
        Assert.Equal(Write(csv => { foreach (var s in statistics) csv.WriteField(CsvFiles.Significant(s, 8)); }), Write(csv => { foreach (var s in statistics) CsvFiles.Number(csv, s); }));
    }

    private static string Write(Action<CsvWriter> fields)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, CsvFiles.Options with { ValidateFieldCount = false }, leaveOpen: true))
        {
            csv.WriteField("x"); // so that an empty field is not a record of one empty field, which is written as ""
            fields(csv);
            csv.EndRecord();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray())["x,".Length..].TrimEnd('\n');
    }
}
