namespace Monitoring.Analysis.Measurement;

/// <summary>A fitted model's test and fit indices, as lavaan's <c>fitMeasures()</c> (docs/methods.md).</summary>
/// <param name="ChiSquare">The likelihood-ratio χ², summed over groups.</param>
/// <param name="DegreesOfFreedom">Its degrees of freedom.</param>
/// <param name="PValue">Its upper-tail p.</param>
/// <param name="BaselineChiSquare">χ² of the independence model.</param>
/// <param name="BaselineDegreesOfFreedom">Its degrees of freedom.</param>
/// <param name="Cfi">Comparative fit index.</param>
/// <param name="Tli">Tucker–Lewis index.</param>
/// <param name="Rmsea">Root mean square error of approximation (× √G for G groups).</param>
/// <param name="RmseaLower">Lower bound of its 90 % interval.</param>
/// <param name="RmseaUpper">Upper bound of its 90 % interval.</param>
/// <param name="Srmr">Standardized root mean square residual (Bentler's, means included), weighted over groups.</param>
public sealed record FitIndices(double ChiSquare, int DegreesOfFreedom, double PValue, double BaselineChiSquare,
    int BaselineDegreesOfFreedom, double Cfi, double Tli, double Rmsea, double RmseaLower, double RmseaUpper, double Srmr);
