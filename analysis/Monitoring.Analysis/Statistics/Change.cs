namespace Monitoring.Analysis.Statistics;

/// <summary>
/// Change of a score between two waves, always later − earlier: for independent samples (Welch t interval,
/// Cohen's d with pooled SD) and for linked respondents (paired t interval, d_z and d_av). NaN values are
/// skipped (pairwise for paired data). See <see cref="IndependentChange"/>, <see cref="PairedChange"/> and
/// <c>docs/methods.md</c> ("Change and effect sizes").
/// </summary>
public static class Change
{
    /// <summary>Change between the scores of two independent samples.</summary>
    /// <param name="earlier">Scores in the earlier wave; NaN = missing.</param>
    /// <param name="later">Scores in the later wave; NaN = missing.</param>
    /// <param name="confidenceLevel">Two-sided level of the intervals, strictly between 0 and 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    public static IndependentChange Independent(
        ReadOnlySpan<float> earlier, ReadOnlySpan<float> later, double confidenceLevel = 0.95)
    {
        TInterval.ValidateLevel(confidenceLevel, nameof(confidenceLevel));
        return Independent(
            Moments.Of(earlier, [], allRows: true), Moments.Of(later, [], allRows: true), confidenceLevel);
    }

    /// <summary>Change between two subsets of one score column (e.g. the responses of two waves).</summary>
    /// <param name="scores">A column with one score per response; NaN = missing.</param>
    /// <param name="earlierRows">Indices of the earlier wave's responses.</param>
    /// <param name="laterRows">Indices of the later wave's responses.</param>
    /// <param name="confidenceLevel">Two-sided level of the intervals, strictly between 0 and 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    /// <exception cref="IndexOutOfRangeException">A row index is outside the column.</exception>
    public static IndependentChange Independent(
        ReadOnlySpan<float> scores,
        ReadOnlySpan<int> earlierRows,
        ReadOnlySpan<int> laterRows,
        double confidenceLevel = 0.95)
    {
        TInterval.ValidateLevel(confidenceLevel, nameof(confidenceLevel));
        return Independent(
            Moments.Of(scores, earlierRows, allRows: false),
            Moments.Of(scores, laterRows, allRows: false),
            confidenceLevel);
    }

    /// <summary>Change of linked respondents: <c>earlier[i]</c> and <c>later[i]</c> are one person.</summary>
    /// <param name="earlier">Earlier scores; NaN = missing.</param>
    /// <param name="later">Later scores, aligned with <paramref name="earlier"/>; NaN = missing.</param>
    /// <param name="confidenceLevel">Two-sided level of the interval, strictly between 0 and 1.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    public static PairedChange Paired(
        ReadOnlySpan<float> earlier, ReadOnlySpan<float> later, double confidenceLevel = 0.95)
    {
        if (earlier.Length != later.Length)
        {
            throw new ArgumentException("Paired scores must be aligned: one earlier and one later score per person.", nameof(later));
        }

        TInterval.ValidateLevel(confidenceLevel, nameof(confidenceLevel));
        return Paired(earlier, [], later, [], allRows: true, confidenceLevel);
    }

    /// <summary>
    /// Change of linked respondents within one score column: <c>scores[earlierRows[i]]</c> and
    /// <c>scores[laterRows[i]]</c> are one person's responses in the two waves.
    /// </summary>
    /// <param name="scores">A column with one score per response; NaN = missing.</param>
    /// <param name="earlierRows">Indices of the earlier responses.</param>
    /// <param name="laterRows">Indices of the later responses, aligned with <paramref name="earlierRows"/>.</param>
    /// <param name="confidenceLevel">Two-sided level of the interval, strictly between 0 and 1.</param>
    /// <exception cref="ArgumentException">The row lists differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    /// <exception cref="IndexOutOfRangeException">A row index is outside the column.</exception>
    public static PairedChange Paired(
        ReadOnlySpan<float> scores,
        ReadOnlySpan<int> earlierRows,
        ReadOnlySpan<int> laterRows,
        double confidenceLevel = 0.95)
    {
        if (earlierRows.Length != laterRows.Length)
        {
            throw new ArgumentException("Paired rows must be aligned: one earlier and one later row per person.", nameof(laterRows));
        }

        TInterval.ValidateLevel(confidenceLevel, nameof(confidenceLevel));
        return Paired(scores, earlierRows, scores, laterRows, allRows: false, confidenceLevel);
    }

    internal static IndependentChange Independent(Moments earlier, Moments later, double confidenceLevel)
    {
        var w = Welch(earlier, later, confidenceLevel);
        return new IndependentChange(
            Descriptives.From(earlier, confidenceLevel),
            Descriptives.From(later, confidenceLevel),
            w.Difference,
            w.StandardError,
            w.DegreesOfFreedom,
            confidenceLevel,
            w.Lower,
            w.Upper,
            w.CohensD);
    }

    /// <summary>The Welch interval and Cohen's d of <see cref="Independent(Moments, Moments, double)"/> without each wave's own descriptives (which the batch's change table does not show).</summary>
    internal static (double Difference, double StandardError, double DegreesOfFreedom, double Lower, double Upper, double CohensD) Welch(
        Moments earlier, Moments later, double confidenceLevel)
    {
        double difference = later.Mean - earlier.Mean;
        double v1 = earlier.Variance / earlier.N;
        double v2 = later.Variance / later.N;
        double se = Math.Sqrt(v1 + v2);
        double df = (v1 + v2) * (v1 + v2) / ((v1 * v1 / (earlier.N - 1)) + (v2 * v2 / (later.N - 1)));
        // Both waves without spread: Welch's df is 0/0, the interval collapses to the difference.
        double halfWidth = se == 0 ? 0 : TInterval.Quantile(confidenceLevel, df) * se;
        double pooledSd = Math.Sqrt(
            (earlier.SumOfSquares + later.SumOfSquares) / (earlier.N + later.N - 2));
        double d = earlier.N >= 2 && later.N >= 2 && pooledSd > 0 ? difference / pooledSd : double.NaN;
        return (difference, se, df, difference - halfWidth, difference + halfWidth, d);
    }

    private static PairedChange Paired(
        ReadOnlySpan<float> earlier,
        ReadOnlySpan<int> earlierRows,
        ReadOnlySpan<float> later,
        ReadOnlySpan<int> laterRows,
        bool allRows,
        double confidenceLevel)
    {
        int count = allRows ? earlier.Length : earlierRows.Length;
        int n = 0;
        double sumEarlier = 0, sumLater = 0;
        for (int i = 0; i < count; i++)
        {
            float e = earlier[allRows ? i : earlierRows[i]];
            float l = later[allRows ? i : laterRows[i]];
            if (!float.IsNaN(e) && !float.IsNaN(l))
            {
                n++;
                sumEarlier += e;
                sumLater += l;
            }
        }

        double meanEarlier = n > 0 ? sumEarlier / n : double.NaN;
        double meanLater = n > 0 ? sumLater / n : double.NaN;
        double ssEarlier = 0, ssLater = 0, products = 0;
        for (int i = 0; i < count; i++)
        {
            float e = earlier[allRows ? i : earlierRows[i]];
            float l = later[allRows ? i : laterRows[i]];
            if (!float.IsNaN(e) && !float.IsNaN(l))
            {
                double de = e - meanEarlier;
                double dl = l - meanLater;
                ssEarlier += de * de;
                ssLater += dl * dl;
                products += de * dl;
            }
        }

        return Paired(new CoMoments(n, meanEarlier, meanLater, ssEarlier, ssLater, products), confidenceLevel);
    }

    /// <summary>The paired change of the pairs summarised by <paramref name="pairs"/> (x = earlier, y = later).</summary>
    internal static PairedChange Paired(CoMoments pairs, double confidenceLevel)
    {
        int n = pairs.N;
        double meanEarlier = n > 0 ? pairs.MeanX : double.NaN;
        double meanLater = n > 0 ? pairs.MeanY : double.NaN;
        double meanDifference = meanLater - meanEarlier;
        double ssDifference = Math.Max(0, pairs.SumOfSquaresX + pairs.SumOfSquaresY - (2 * pairs.SumOfProducts));
        double sdDifference = n >= 2 ? Math.Sqrt(ssDifference / (n - 1)) : double.NaN;
        double se = sdDifference / Math.Sqrt(n);
        double df = n - 1;
        double halfWidth = TInterval.Quantile(confidenceLevel, df) * se;
        double averageSd = n >= 2 ? (Math.Sqrt(pairs.SumOfSquaresX / (n - 1)) + Math.Sqrt(pairs.SumOfSquaresY / (n - 1))) / 2 : double.NaN;
        double dz = sdDifference > 0 ? meanDifference / sdDifference : double.NaN;
        double dav = averageSd > 0 ? meanDifference / averageSd : double.NaN;
        return new PairedChange(
            n,
            meanEarlier,
            meanLater,
            meanDifference,
            sdDifference,
            se,
            df,
            confidenceLevel,
            meanDifference - halfWidth,
            meanDifference + halfWidth,
            dz,
            dav);
    }

    /// <summary>
    /// The partially overlapping samples interval (Derrick, Toher and White 2017, T_new2) of two waves: all scores of
    /// each wave in <paramref name="earlier"/> and <paramref name="later"/>, the linked respondents with both scores in
    /// <paramref name="pairs"/> (a subset of both). See <see cref="OverlappingChange"/>.
    /// </summary>
    internal static OverlappingChange Overlapping(Moments earlier, Moments later, CoMoments pairs, double confidenceLevel) =>
        Overlapping(earlier, later, pairs, confidenceLevel, Welch(earlier, later, confidenceLevel));

    /// <summary><see cref="Overlapping(Moments, Moments, CoMoments, double)"/> with the Welch results of the same two waves already at hand (their t quantile is not computed twice; without pairs the interval is Welch's).</summary>
    internal static OverlappingChange Overlapping(Moments earlier, Moments later, CoMoments pairs, double confidenceLevel,
        (double Difference, double StandardError, double DegreesOfFreedom, double Lower, double Upper, double CohensD) w)
    {
        int n1 = earlier.N, n2 = later.N, nc = pairs.N;
        var r = pairs.Correlation;
        double v1 = earlier.Variance / n1, v2 = later.Variance / n2;
        var covariance = double.IsNaN(r) ? 0 : 2 * r * Math.Sqrt(earlier.Variance * later.Variance) * nc / ((double)n1 * n2);
        // Non-negative in exact arithmetic (it is at least (s1/sqrt(n1) - s2/sqrt(n2))^2); rounding must not make it negative.
        var se = Math.Sqrt(Math.Max(0, v1 + v2 - covariance));
        double unlinked = n1 - nc + (n2 - nc);
        var df = nc == 0 ? w.DegreesOfFreedom : (nc - 1) + ((w.DegreesOfFreedom - nc + 1) * unlinked / (unlinked + (2.0 * nc)));
        var g = w.CohensD * HedgesCorrection.Factor(n1 + n2 - 2);
        if (nc == 0) return new OverlappingChange(w.Difference, w.StandardError, w.DegreesOfFreedom, 0, r, w.Lower, w.Upper, g);
        var halfWidth = se == 0 ? 0 : TInterval.Quantile(confidenceLevel, df) * se;
        if (!double.IsFinite(se)) halfWidth = double.NaN;
        return new OverlappingChange(w.Difference, se, df, nc, r, w.Difference - halfWidth, w.Difference + halfWidth, g);
    }
}
