using Monitoring.Core.Results;
using Monitoring.Core.Settings;

namespace Monitoring.Analysis.Measurement;

/// <summary>
/// The decisions of an invariance sequence (Chen 2007): metric holds when CFI drops by at most
/// <see cref="InvarianceSettings.MaxCfiDrop"/> and RMSEA rises by at most <see cref="InvarianceSettings.MaxRmseaRise"/>
/// from configural; scalar holds when metric holds and the same holds from metric to scalar. When the less
/// constrained model is just-identified (df = 0, e.g. the configural model of a three-item scale), its RMSEA is 0 by
/// construction and says nothing about fit, so that step is judged by ΔCFI alone (docs/methods.md).
/// </summary>
internal static class InvarianceDecision
{
    public static ScaleInvariance Decide(ScaleMeasurement measurement, string scaleId, string grouping, IReadOnlyList<string> groups, InvarianceSettings settings)
    {
        var steps = new List<InvarianceStep>();
        CfaFit? previous = null;
        bool previousHolds = true;
        foreach (var fit in new[] { measurement.Configural, measurement.Metric, measurement.Scalar })
        {
            if (fit?.Fit is not { } f)
            {
                break;
            }

            double deltaCfi = previous is null ? double.NaN : previous.Fit!.Cfi - f.Cfi;
            double deltaRmsea = previous is null ? double.NaN : f.Rmsea - previous.Fit!.Rmsea;
            bool? holds = previous is null
                ? null
                : previousHolds && deltaCfi <= settings.MaxCfiDrop + 1e-12
                    && (previous.Fit!.DegreesOfFreedom == 0 || deltaRmsea <= settings.MaxRmseaRise + 1e-12);
            steps.Add(new InvarianceStep(fit.Level, fit.GroupCounts.Sum(), f.ChiSquare, f.DegreesOfFreedom, f.PValue, f.Cfi, f.Tli,
                f.Rmsea, f.RmseaLower, f.RmseaUpper, f.Srmr, deltaCfi, deltaRmsea, holds));
            previousHolds = holds ?? true;
            previous = fit;
        }

        return new ScaleInvariance(new Core.Instruments.ScaleId(scaleId), grouping, groups, steps,
            [.. measurement.Waves.Select(w => measurement.ItemMeans[w])]);
    }
}
