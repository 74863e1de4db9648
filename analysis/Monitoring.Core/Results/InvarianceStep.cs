namespace Monitoring.Core.Results;

/// <summary>One model of an invariance sequence: its fit, the change from the previous step, and the decision.</summary>
/// <param name="Level">Configural, metric or scalar.</param>
/// <param name="N">Complete cases over all groups.</param>
/// <param name="ChiSquare">The χ² summed over groups.</param>
/// <param name="DegreesOfFreedom">Its degrees of freedom.</param>
/// <param name="PValue">Its p.</param>
/// <param name="Cfi">CFI.</param>
/// <param name="Tli">TLI.</param>
/// <param name="Rmsea">RMSEA (with √G).</param>
/// <param name="RmseaLower">Lower bound of its 90 % interval.</param>
/// <param name="RmseaUpper">Upper bound.</param>
/// <param name="Srmr">SRMR.</param>
/// <param name="DeltaCfi">CFI of the previous step minus this CFI (NaN for configural).</param>
/// <param name="DeltaRmsea">This RMSEA minus that of the previous step (NaN for configural).</param>
/// <param name="Holds">Whether invariance at this level holds (null for configural, the baseline).</param>
public sealed record InvarianceStep(InvarianceLevel Level, long N, double ChiSquare, int DegreesOfFreedom, double PValue,
    double Cfi, double Tli, double Rmsea, double RmseaLower, double RmseaUpper, double Srmr,
    double DeltaCfi, double DeltaRmsea, bool? Holds);
