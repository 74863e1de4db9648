using Monitoring.Core.Results;
namespace Monitoring.Analysis.Measurement;

/// <summary>A fitted confirmatory factor model.</summary>
/// <param name="Model">The model.</param>
/// <param name="Level">The equality constraints across groups.</param>
/// <param name="GroupCounts">Complete cases per group.</param>
/// <param name="Converged">Whether the optimiser met its gradient tolerance.</param>
/// <param name="Parameters">Every parameter, lavaan's <c>parameterEstimates()</c> rows.</param>
/// <param name="Fit">The test and fit indices; null when the model did not converge.</param>
public sealed record CfaFit(FactorModel Model, InvarianceLevel Level, IReadOnlyList<long> GroupCounts, bool Converged,
    IReadOnlyList<ParameterEstimate> Parameters, FitIndices? Fit)
{
    /// <summary>One parameter by key (<c>f=~item</c>) and group (from 1).</summary>
    public ParameterEstimate Parameter(string key, int group = 1) =>
        Parameters.FirstOrDefault(p => p.Group == group && p.Key == key)
        ?? throw new KeyNotFoundException($"No parameter '{key}' in group {group}.");
}
