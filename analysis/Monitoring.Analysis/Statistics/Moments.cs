namespace Monitoring.Analysis.Statistics;

/// <summary>Count, mean and sum of squared deviations of the non-missing values, by two passes.</summary>
internal readonly record struct Moments(int N, double Mean, double SumOfSquares)
{
    /// <summary>Sample variance (n − 1 denominator); NaN when n &lt; 2.</summary>
    public double Variance => N >= 2 ? SumOfSquares / (N - 1) : double.NaN;

    /// <summary>Moments of <c>values[rows[r]]</c>, or of every value when <paramref name="allRows"/>.</summary>
    public static Moments Of(ReadOnlySpan<float> values, ReadOnlySpan<int> rows, bool allRows)
    {
        int count = allRows ? values.Length : rows.Length;
        int n = 0;
        double sum = 0;
        for (int r = 0; r < count; r++)
        {
            float value = values[allRows ? r : rows[r]];
            if (!float.IsNaN(value))
            {
                n++;
                sum += value;
            }
        }

        if (n == 0)
        {
            return new Moments(0, double.NaN, double.NaN);
        }

        double mean = sum / n;
        double squares = 0;
        for (int r = 0; r < count; r++)
        {
            float value = values[allRows ? r : rows[r]];
            if (!float.IsNaN(value))
            {
                double deviation = value - mean;
                squares += deviation * deviation;
            }
        }

        return new Moments(n, mean, squares);
    }
}
