using Monitoring.Core.Results;
using Monitoring.Analysis.Responses;
using Monitoring.Analysis.Scoring;

namespace Monitoring.Analysis.Measurement;

/// <summary>
/// The factor analyses of every scale: one pass per scale and wave accumulates the complete cases' means
/// and covariances (in parallel), then every model is fitted on those moments only.
/// </summary>
internal static class MeasurementComputation
{
    public static IReadOnlyList<ScaleMeasurement> Compute(ScoredResponses scored, int[][] rowsByWave)
    {
        var study = scored.Table.Study;
        var itemIndex = study.Items.Select((item, j) => (item.Id, j)).ToDictionary(p => p.Id, p => p.j);
        int scales = study.Scales.Count, waves = study.Waves.Count;
        var moments = new SampleMoments[scales, waves];
        Parallel.For(0, scales * waves, job =>
        {
            int s = job / waves, w = job % waves;
            var columns = study.Scales[s].Items.Select(id => scored.Recoded[itemIndex[id]]).ToArray();
            moments[s, w] = CompleteCases.Moments(columns, rowsByWave[w]);
        });

        var models = study.Scales.Select(scale => FactorModel.OneFactor("f", [.. scale.Items.Select(i => i.Value)])).ToArray();
        var byWave = new CfaFit?[scales, waves];
        Parallel.For(0, scales * waves, job =>
        {
            int s = job / waves, w = job % waves;
            byWave[s, w] = Fittable(moments[s, w]) ? CfaEstimator.Fit(models[s], [moments[s, w]]) : null;
        });

        var levels = new[] { InvarianceLevel.Configural, InvarianceLevel.Metric, InvarianceLevel.Scalar };
        var included = Enumerable.Range(0, scales)
            .Select(s => Enumerable.Range(0, waves).Where(w => byWave[s, w] is { Converged: true }).ToArray())
            .ToArray();
        var invariance = new CfaFit?[scales, levels.Length];
        Parallel.For(0, scales * levels.Length, job =>
        {
            int s = job / levels.Length, l = job % levels.Length;
            invariance[s, l] = included[s].Length >= 2
                ? CfaEstimator.Fit(models[s], [.. included[s].Select(w => moments[s, w])], levels[l])
                : null;
        });

        return [.. Enumerable.Range(0, scales).Select(s => new ScaleMeasurement(
            s,
            [.. Enumerable.Range(0, waves).Select(w => byWave[s, w])],
            included[s],
            Converged(invariance[s, 0]),
            Converged(invariance[s, 1]),
            Converged(invariance[s, 2]),
            [.. Enumerable.Range(0, waves).Select(w => moments[s, w].Means)]))];
    }

    /// <summary>More complete cases than items and a positive definite covariance matrix.</summary>
    private static bool Fittable(SampleMoments moments) =>
        moments.Count > moments.Means.Count && moments.Covariance.All(double.IsFinite)
        && MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(moments.Means.Count, moments.Means.Count, [.. moments.Covariance]).Determinant() > 0;

    private static CfaFit? Converged(CfaFit? fit) => fit is { Converged: true } ? fit : null;
}
