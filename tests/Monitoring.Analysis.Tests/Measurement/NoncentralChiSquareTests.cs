using Monitoring.Analysis.Measurement;

namespace Monitoring.Analysis.Tests.Measurement;

/// <summary>The noncentral χ² distribution function behind the RMSEA interval, against R's <c>pchisq(x, df, ncp)</c>.</summary>
public sealed class NoncentralChiSquareTests
{
    [Theory]
    [InlineData(100, 10, 80, 0.71885015882753245)]
    [InlineData(5000, 20, 4900, 0.71757198511999809)]
    [InlineData(3, 5, 0.5, 0.25692939942804688)]
    [InlineData(250000, 27, 249000, 0.83521389925566392)]
    [InlineData(85.3, 24, 40, 0.92194448613627811)]
    public void The_distribution_function_equals_Rs_pchisq_also_for_a_noncentrality_in_the_hundreds_of_thousands(
        double x, double df, double noncentrality, double expected)
    {
        Assert.Equal(expected, NoncentralChiSquare.Cdf(x, df, noncentrality), 1e-9);
    }
}
