namespace Monitoring.Analysis.Measurement;

/// <summary>The kind of a model-matrix entry.</summary>
internal enum ParameterKind
{
    Loading,
    ResidualVariance,
    FactorCovariance,
    Intercept,
    FactorMean,
}

/// <summary>
/// One entry of one group's model matrices (Λ[row, column], Θ[row], Φ[row, column], ν[row], α[row]):
/// the index of the free parameter it takes, shared across groups under an equality constraint, or −1 with
/// a fixed value.
/// </summary>
internal readonly record struct ModelParameter(int Group, ParameterKind Kind, int Row, int Column, int Index, double FixedValue);
