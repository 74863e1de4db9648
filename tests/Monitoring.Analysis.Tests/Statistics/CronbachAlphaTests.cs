using Monitoring.Analysis.Statistics;
using Monitoring.Core.Settings;

namespace Monitoring.Analysis.Tests.Statistics;

public class CronbachAlphaTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void AlphaItemStatisticsAndAverageCorrelationMatchAHandCalculation()
    {
        float[][] items =
        [
            [1, 2, 3, 4],
            [2, 2, 4, 4],
            [1, 3, 3, 5],
        ];

        var result = CronbachAlpha.Compute(items);

        // Covariances (n − 1 = 3): var a = 5/3, var b = 4/3, var c = 8/3,
        // cov ab = 4/3, cov ac = 2, cov bc = 4/3. tr C = 17/3, ΣC = 15 (= variance of the sums 4, 7, 10, 13).
        Assert.Equal(1.5 * (1 - (17.0 / 3 / 15)), result.RawAlpha, Tolerance);
        double rab = 4.0 / Math.Sqrt(20), rac = 6.0 / Math.Sqrt(40), rbc = 4.0 / Math.Sqrt(32);
        double averageR = (rab + rac + rbc) / 3;
        Assert.Equal(averageR, result.AverageInterItemCorrelation, Tolerance);
        Assert.Equal(3 * averageR / (1 + (2 * averageR)), result.StandardizedAlpha, Tolerance);

        // Without a: b and c, tr = 4, Σ = 20/3, alpha = 2 (1 − 4 / (20/3)) = 0.8.
        Assert.Equal(0.8, result.Items[0].AlphaIfDeleted, Tolerance);
        // Without b: a and c, tr = 13/3, Σ = 25/3. Without c: a and b, tr = 3, Σ = 17/3.
        Assert.Equal(2 * (1 - (13.0 / 25)), result.Items[1].AlphaIfDeleted, Tolerance);
        Assert.Equal(2 * (1 - (9.0 / 17)), result.Items[2].AlphaIfDeleted, Tolerance);

        // r.drop: a against b + c = 3, 5, 7, 9 is perfectly linear.
        Assert.Equal(1.0, result.Items[0].CorrectedItemTotalCorrelation, Tolerance);
        Assert.Equal((8.0 / 3) / Math.Sqrt(4.0 / 3 * 25 / 3), result.Items[1].CorrectedItemTotalCorrelation, Tolerance);
        Assert.Equal((10.0 / 3) / Math.Sqrt(8.0 / 3 * 17 / 3), result.Items[2].CorrectedItemTotalCorrelation, Tolerance);

        Assert.Equal(4, result.N);
        Assert.Equal(4, result.MinPairwiseN);
        Assert.Equal(3, result.ItemCount);
        Assert.All(result.Items, item => Assert.Equal(4, item.N));
    }

    [Fact]
    public void PairwiseCovariancesUseTheMeansOfThePairsOwnRows()
    {
        // Row 3 answered only b, row 4 answered nothing. Pairwise, cov(a, b) rests on rows 0-2 with
        // those rows' means (2 and 3), var b on rows 0-3 with their mean (3.75).
        float[][] items =
        [
            [1, 2, 3, float.NaN, float.NaN],
            [2, 3, 4, 6, float.NaN],
        ];

        var result = CronbachAlpha.Compute(items);

        // a: 1, 2, 3 → var 1. b: 2, 3, 4, 6 → mean 3.75, squares 3.0625 + 0.5625 + 0.0625 + 5.0625 = 8.75 → var 35/12.
        // cov(a, b) over rows 0-2: a − 2 = −1, 0, 1; b − 3 = −1, 0, 1 → 2 / 2 = 1.
        double varA = 1, varB = 35.0 / 12, cov = 1;
        Assert.Equal(2 * (1 - ((varA + varB) / (varA + varB + (2 * cov)))), result.RawAlpha, Tolerance);
        Assert.Equal(cov / Math.Sqrt(varA * varB), result.AverageInterItemCorrelation, Tolerance);
        Assert.Equal(4, result.N);
        Assert.Equal(3, result.MinPairwiseN);
        Assert.Equal([3, 4], result.Items.Select(item => item.N));

        var listwise = CronbachAlpha.Compute(items, MissingDataConvention.Listwise);
        Assert.Equal(3, listwise.N);
        Assert.Equal(1.0, listwise.RawAlpha, Tolerance); // a and b are perfectly correlated on rows 0-2
    }

    [Theory]
    [InlineData("alpha_pairwise", "alpha_items.csv", MissingDataConvention.Pairwise)]
    [InlineData("alpha_listwise", "alpha_items.csv", MissingDataConvention.Listwise)]
    [InlineData("alpha_negative", "alpha_negative.csv", MissingDataConvention.Pairwise)]
    public void EveryStatisticMatchesPsychAlphaOnTheSameData(string prefix, string file, MissingDataConvention missing)
    {
        var result = CronbachAlpha.Compute(Reference.Items(file), missing);

        AssertMatchesPsych(prefix, result, missing);
    }

    [Fact]
    public void TwoItemsMatchPsychAndHaveNoAlphaIfDeleted()
    {
        var items = Reference.Items("alpha_items.csv")[..2];

        var result = CronbachAlpha.Compute(items);

        Assert.Equal(Reference.Value("alpha_two_items.raw_alpha"), result.RawAlpha, Tolerance);
        Assert.Equal(Reference.Value("alpha_two_items.std_alpha"), result.StandardizedAlpha, Tolerance);
        Assert.Equal(Reference.Value("alpha_two_items.average_r"), result.AverageInterItemCorrelation, Tolerance);
        Assert.Equal((int)Reference.Value("alpha_two_items.n_any"), result.N);
        Assert.Equal((int)Reference.Value("alpha_two_items.min_pairwise_n"), result.MinPairwiseN);
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(Reference.Value($"alpha_two_items.item{i + 1}.r_drop"), result.Items[i].CorrectedItemTotalCorrelation, Tolerance);
            Assert.True(double.IsNaN(result.Items[i].AlphaIfDeleted));
        }
    }

    [Fact]
    public void ASubsetOfRowsGivesTheAlphaOfThoseRowsOnly()
    {
        var items = Reference.Items("alpha_items.csv");
        int[] completeRows = [.. Enumerable.Range(0, items[0].Length).Where(r => items.All(column => !float.IsNaN(column[r])))];

        // Pairwise over complete rows only is listwise over all rows.
        var result = CronbachAlpha.Compute(items, completeRows, MissingDataConvention.Pairwise);

        AssertMatchesPsych("alpha_listwise", result, MissingDataConvention.Pairwise);
    }

    [Theory]
    [InlineData(MissingDataConvention.Pairwise)]
    [InlineData(MissingDataConvention.Listwise)]
    public void ManyRowsMatchAStraightforwardCovarianceComputation(MissingDataConvention missing)
    {
        // 2,000 rows cross many SIMD blocks of complete and incomplete rows; the naive version below
        // computes every covariance from its own rows with two passes.
        var random = new Random(7);
        const int n = 2000, k = 6;
        var items = new float[k][];
        var latent = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        for (int j = 0; j < k; j++)
        {
            items[j] = new float[n];
            for (int r = 0; r < n; r++)
            {
                items[j][r] = random.NextDouble() < 0.07
                    ? float.NaN
                    : (float)Math.Clamp(Math.Round(1 + (4 * ((0.6 * latent[r]) + (0.4 * random.NextDouble())))), 1, 5);
            }
        }

        int[] rows = [.. Enumerable.Range(0, n).Where(r => r % 3 != 1)];

        var result = CronbachAlpha.Compute(items, rows, missing);

        var included = missing == MissingDataConvention.Listwise
            ? rows.Where(r => items.All(column => !float.IsNaN(column[r]))).ToArray()
            : rows;
        var c = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                var both = included.Where(r => !float.IsNaN(items[i][r]) && !float.IsNaN(items[j][r])).ToArray();
                double mi = both.Average(r => items[i][r]), mj = both.Average(r => items[j][r]);
                c[i, j] = both.Sum(r => (items[i][r] - mi) * (items[j][r] - mj)) / (both.Length - 1);
            }
        }

        double trace = Enumerable.Range(0, k).Sum(i => c[i, i]);
        double sum = c.Cast<double>().Sum();
        Assert.Equal(k / (k - 1.0) * (1 - (trace / sum)), result.RawAlpha, Tolerance);
        for (int i = 0; i < k; i++)
        {
            double rowSum = Enumerable.Range(0, k).Sum(j => c[i, j]);
            double without = sum - (2 * rowSum) + c[i, i];
            Assert.Equal((rowSum - c[i, i]) / Math.Sqrt(c[i, i] * without), result.Items[i].CorrectedItemTotalCorrelation, Tolerance);
            Assert.Equal((k - 1) / (k - 2.0) * (1 - ((trace - c[i, i]) / without)), result.Items[i].AlphaIfDeleted, Tolerance);
        }
    }

    [Theory]
    [InlineData(MissingDataConvention.Pairwise)]
    [InlineData(MissingDataConvention.Listwise)]
    public void AllRowsGiveTheSameResultAsEveryRowIndex(MissingDataConvention missing)
    {
        var random = new Random(11);
        var items = Enumerable.Range(0, 4)
            .Select(_ => Enumerable.Range(0, 1001).Select(_ => random.NextDouble() < 0.1 ? float.NaN : random.Next(1, 6)).ToArray())
            .ToArray();
        int[] everyRow = [.. Enumerable.Range(0, 1001)];

        var all = CronbachAlpha.Compute(items, missing);
        var indexed = CronbachAlpha.Compute(items, everyRow, missing);

        Assert.Equal(indexed.RawAlpha, all.RawAlpha);
        Assert.Equal(indexed.StandardizedAlpha, all.StandardizedAlpha);
        Assert.Equal(indexed.N, all.N);
        Assert.Equal(indexed.MinPairwiseN, all.MinPairwiseN);
        Assert.Equal(indexed.Items, all.Items);
    }

    [Fact]
    public void OneItemGivesNaNWithoutThrowing()
    {
        var result = CronbachAlpha.Compute([new float[] { 1, 2, 3 }]);

        Assert.True(double.IsNaN(result.RawAlpha));
        Assert.True(double.IsNaN(result.StandardizedAlpha));
        Assert.Equal(3, result.N);
        Assert.Equal(0, result.MinPairwiseN);
        Assert.True(double.IsNaN(result.Items[0].CorrectedItemTotalCorrelation));
    }

    [Fact]
    public void AnItemWithoutVarianceGivesNaNWithoutThrowing()
    {
        var result = CronbachAlpha.Compute([[1, 2, 3], [4, 4, 4], [2, 3, 5]]);

        Assert.True(double.IsNaN(result.RawAlpha));
        Assert.True(double.IsNaN(result.AverageInterItemCorrelation));
        Assert.All(result.Items, item => Assert.True(double.IsNaN(item.AlphaIfDeleted)));
    }

    [Fact]
    public void FewerThanTwoRespondentsPerPairGiveNaNWithoutThrowing()
    {
        var single = CronbachAlpha.Compute([[1], [2], [3]]);
        var disjoint = CronbachAlpha.Compute([[1, 2, float.NaN, float.NaN], [float.NaN, float.NaN, 3, 5]]);
        var none = CronbachAlpha.Compute([[1, 2, 3], [1, 2, 3]], ReadOnlySpan<int>.Empty);

        Assert.True(double.IsNaN(single.RawAlpha));
        Assert.True(double.IsNaN(disjoint.RawAlpha));
        Assert.Equal(4, disjoint.N);
        Assert.Equal(0, disjoint.MinPairwiseN);
        Assert.True(double.IsNaN(none.RawAlpha));
        Assert.Equal(0, none.N);
    }

    [Fact]
    public void ColumnsOfDifferentLengthAreACallersBug()
    {
        Assert.Throws<ArgumentException>(() => CronbachAlpha.Compute([[1, 2, 3], [1, 2]]));
    }

    private static void AssertMatchesPsych(string prefix, Reliability result, MissingDataConvention missing)
    {
        Assert.Equal(missing, result.Missing);
        Assert.Equal(Reference.Value($"{prefix}.raw_alpha"), result.RawAlpha, Tolerance);
        Assert.Equal(Reference.Value($"{prefix}.std_alpha"), result.StandardizedAlpha, Tolerance);
        Assert.Equal(Reference.Value($"{prefix}.average_r"), result.AverageInterItemCorrelation, Tolerance);
        Assert.Equal((int)Reference.Value($"{prefix}.n_any"), result.N);
        Assert.Equal((int)Reference.Value($"{prefix}.min_pairwise_n"), result.MinPairwiseN);
        for (int i = 0; i < result.ItemCount; i++)
        {
            var item = result.Items[i];
            Assert.Equal(i, item.Index);
            Assert.Equal((int)Reference.Value($"{prefix}.item{i + 1}.n"), item.N);
            Assert.Equal(Reference.Value($"{prefix}.item{i + 1}.r_drop"), item.CorrectedItemTotalCorrelation, Tolerance);
            Assert.Equal(Reference.Value($"{prefix}.item{i + 1}.alpha_drop"), item.AlphaIfDeleted, Tolerance);
        }
    }
}
