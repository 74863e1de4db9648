using Monitoring.Core.Results;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Monitoring.Analysis.Measurement;

/// <summary>
/// Maximum-likelihood confirmatory factor analysis on sufficient statistics, with lavaan's defaults for
/// <c>cfa()</c>: marker loadings fixed to 1, free residual and factor (co)variances, and with several groups a
/// mean structure (intercepts free, factor means 0; under scalar invariance equal intercepts and factor means
/// free from the second group on). The fit function is lavaan's ML: F = Σ_g (n_g / N) [log|Σ| + tr(SΣ⁻¹) −
/// log|S| − p + (ȳ − μ)'Σ⁻¹(ȳ − μ)] / 2 with S divided by n_g, minimised by Fisher scoring (MathNet's Newton
/// minimiser with the expected information as its Hessian and a line search); standard errors from the
/// inverse of N times the expected information (docs/methods.md).
/// </summary>
public static class CfaEstimator
{
    private const double GradientTolerance = 1e-10;
    private const int MaxIterations = 500;

    /// <summary>Fits <paramref name="model"/> to one or more groups' moments under <paramref name="level"/>.</summary>
    public static CfaFit Fit(FactorModel model, IReadOnlyList<SampleMoments> groups, InvarianceLevel level = InvarianceLevel.Configural)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentOutOfRangeException.ThrowIfZero(groups.Count, nameof(groups));
        int p = model.Items.Count;
        foreach (var group in groups)
        {
            if (group.Means.Count != p || group.Covariance.Count != p * p)
            {
                throw new ArgumentException($"Every group needs {p} means and a {p} × {p} covariance matrix.", nameof(groups));
            }
        }

        var objective = new CfaObjective(model, groups, level);
        var start = objective.StartValues();
        var result = Minimise(objective, start, out bool converged);
        return CfaResults.Build(objective, result, converged);
    }

    private static Vector<double> Minimise(CfaObjective objective, Vector<double> start, out bool converged)
    {
        if (start.Count == 0)
        {
            converged = objective.Evaluate(start, withInformation: false).Valid;
            return start;
        }

        CfaObjective.Evaluation? last = null;
        Vector<double>? lastPoint = null;
        CfaObjective.Evaluation At(Vector<double> x)
        {
            if (lastPoint is null || !lastPoint.Equals(x))
            {
                last = objective.Evaluate(x, withInformation: true);
                lastPoint = x.Clone();
            }

            return last!;
        }

        var function = ObjectiveFunction.GradientHessian(
            x => At(x) is { Valid: true } e ? e.Value : 1e100,
            x => At(x) is { Valid: true } e ? e.Gradient : Vector<double>.Build.Dense(x.Count),
            x => At(x) is { Valid: true } e ? e.Information! : Matrix<double>.Build.DenseIdentity(x.Count));
        try
        {
            var minimum = new NewtonMinimizer(GradientTolerance, MaxIterations, useLineSearch: true).FindMinimum(function, start);
            converged = minimum.ReasonForExit is ExitCondition.AbsoluteGradient or ExitCondition.RelativeGradient
                && objective.Evaluate(minimum.MinimizingPoint, withInformation: false).Valid;
            return minimum.MinimizingPoint;
        }
        catch (Exception e) when (e is MaximumIterationsException or InnerOptimizationException or EvaluationException or ArgumentException)
        {
            converged = false;
            return start;
        }
    }
}
