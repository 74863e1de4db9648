using MathNet.Numerics.LinearAlgebra;

namespace Monitoring.Analysis.Measurement;

/// <summary>
/// Turns a minimum of <see cref="CfaObjective"/> into lavaan's parameter table: estimates with standard errors
/// from the inverse of N times the expected information, <c>std.all</c> with delta-method standard errors
/// (a central-difference Jacobian of the standardization), and the fit indices.
/// </summary>
internal static class CfaResults
{
    public static CfaFit Build(CfaObjective objective, Vector<double> x, bool converged)
    {
        var entries = objective.Parameters
            .Where(e => objective.MeanStructure || e.Kind is not (ParameterKind.Intercept or ParameterKind.FactorMean))
            .ToArray();
        var covariance = converged ? Covariance(objective, x) : null;
        var standardized = Standardize(objective, x, entries);
        var jacobian = covariance is null ? null : Jacobian(objective, x, entries);
        var standardizedCovariance = jacobian is null ? null : jacobian * covariance! * jacobian.Transpose();
        var parameters = new ParameterEstimate[entries.Length];
        for (int r = 0; r < entries.Length; r++)
        {
            var entry = entries[r];
            var (left, op, right) = Label(objective.Model, entry);
            double estimate = entry.Index >= 0 ? x[entry.Index] : entry.FixedValue;
            double error = entry.Index < 0 ? 0 : covariance is null ? double.NaN : Math.Sqrt(covariance[entry.Index, entry.Index]);
            double standardizedError = standardizedCovariance is null ? double.NaN : Math.Sqrt(Math.Max(0, standardizedCovariance[r, r]));
            parameters[r] = new ParameterEstimate(left, op, right, entry.Group + 1, entry.Index >= 0, estimate, error, standardized[r], standardizedError);
        }

        var fit = converged ? FitStatistics.Compute(objective, x) : null;
        return new CfaFit(objective.Model, objective.Level, objective.Counts, converged, parameters, fit);
    }

    private static Matrix<double>? Covariance(CfaObjective objective, Vector<double> x)
    {
        if (objective.FreeCount == 0)
        {
            return Matrix<double>.Build.Dense(0, 0);
        }

        var information = objective.Evaluate(x, withInformation: true).Information!;
        var inverse = (information * objective.Total).Inverse();
        return inverse.Enumerate().All(double.IsFinite) ? inverse : null;
    }

    private static (string Left, string Operator, string Right) Label(FactorModel model, ModelParameter entry) => entry.Kind switch
    {
        ParameterKind.Loading => (model.Factors[entry.Column].Name, "=~", model.Items[entry.Row]),
        ParameterKind.ResidualVariance => (model.Items[entry.Row], "~~", model.Items[entry.Row]),
        ParameterKind.FactorCovariance => (model.Factors[entry.Row].Name, "~~", model.Factors[entry.Column].Name),
        ParameterKind.Intercept => (model.Items[entry.Row], "~1", ""),
        _ => (model.Factors[entry.Row].Name, "~1", ""),
    };

    /// <summary>lavaan's <c>std.all</c>: latent and observed variables both scaled to unit variance.</summary>
    private static double[] Standardize(CfaObjective objective, Vector<double> x, ModelParameter[] entries)
    {
        var matrices = new GroupMatrices[objective.GroupCount];
        for (int g = 0; g < matrices.Length; g++)
        {
            matrices[g] = objective.Matrices(x, g);
        }

        var result = new double[entries.Length];
        for (int r = 0; r < entries.Length; r++)
        {
            var e = entries[r];
            var m = matrices[e.Group];
            result[r] = e.Kind switch
            {
                ParameterKind.Loading => m.Lambda[e.Row, e.Column] * Math.Sqrt(m.Phi[e.Column, e.Column] / m.Sigma[e.Row, e.Row]),
                ParameterKind.ResidualVariance => m.Theta[e.Row] / m.Sigma[e.Row, e.Row],
                ParameterKind.FactorCovariance => m.Phi[e.Row, e.Column] / Math.Sqrt(m.Phi[e.Row, e.Row] * m.Phi[e.Column, e.Column]),
                ParameterKind.Intercept => m.Nu[e.Row] / Math.Sqrt(m.Sigma[e.Row, e.Row]),
                _ => m.Alpha[e.Row] / Math.Sqrt(m.Phi[e.Row, e.Row]),
            };
        }

        return result;
    }

    private static Matrix<double> Jacobian(CfaObjective objective, Vector<double> x, ModelParameter[] entries)
    {
        var jacobian = Matrix<double>.Build.Dense(entries.Length, objective.FreeCount);
        for (int k = 0; k < objective.FreeCount; k++)
        {
            double h = 1e-5 * Math.Max(1, Math.Abs(x[k]));
            var up = x.Clone();
            up[k] += h;
            var down = x.Clone();
            down[k] -= h;
            var plus = Standardize(objective, up, entries);
            var minus = Standardize(objective, down, entries);
            for (int r = 0; r < entries.Length; r++)
            {
                jacobian[r, k] = (plus[r] - minus[r]) / (2 * h);
            }
        }

        return jacobian;
    }
}
