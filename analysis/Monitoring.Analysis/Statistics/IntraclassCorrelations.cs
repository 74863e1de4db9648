namespace Monitoring.Analysis.Statistics;

/// <summary>
/// ICC(1) and ICC(2) of a score across groups (schools), from a one-way random-effects ANOVA; computed by
/// <see cref="IntraclassCorrelation"/>.
/// </summary>
/// <param name="N">Non-missing values.</param>
/// <param name="GroupCount">J, the groups with at least one non-missing value.</param>
/// <param name="MeanGroupSize"><c>N / J</c>, the group size Bliese's <c>multilevel::ICC1</c> uses.</param>
/// <param name="AdjustedGroupSize"><c>k0 = (N − Σ n_j² / N) / (J − 1)</c>, the group size used for ICC(1); equals N / J when groups are balanced.</param>
/// <param name="MeanSquareBetween"><c>MSB = Σ n_j (ȳ_j − ȳ)² / (J − 1)</c>; NaN when J &lt; 2.</param>
/// <param name="MeanSquareWithin"><c>MSW = Σ_j Σ_i (y_ij − ȳ_j)² / (N − J)</c>; NaN when N = J.</param>
/// <param name="Icc1">
/// <c>(MSB − MSW) / (MSB + (k0 − 1) · MSW)</c>: the share of variance between groups, the expected
/// correlation of two members of a group. Not truncated at 0. NaN when undefined.
/// </param>
/// <param name="Icc2"><c>(MSB − MSW) / MSB</c>: the reliability of the group means. Not truncated at 0. NaN when undefined.</param>
public sealed record IntraclassCorrelations(
    int N,
    int GroupCount,
    double MeanGroupSize,
    double AdjustedGroupSize,
    double MeanSquareBetween,
    double MeanSquareWithin,
    double Icc1,
    double Icc2)
{
    /// <summary>J − 1.</summary>
    public int DegreesOfFreedomBetween => GroupCount - 1;

    /// <summary>N − J.</summary>
    public int DegreesOfFreedomWithin => N - GroupCount;
}
