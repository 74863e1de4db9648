using Monitoring.Core.Results;
using MathNet.Numerics.LinearAlgebra;

namespace Monitoring.Analysis.Measurement;

/// <summary>
/// The parameter layout of a (multi-group) factor model and lavaan's ML fit function over it, with its
/// analytic gradient and expected information (see <see cref="CfaEstimator"/>).
/// </summary>
internal sealed class CfaObjective
{
    private readonly List<ModelParameter> _parameters = [];

    public CfaObjective(FactorModel model, IReadOnlyList<SampleMoments> groups, InvarianceLevel level)
    {
        Model = model;
        Level = level;
        GroupCount = groups.Count;
        ItemCount = model.Items.Count;
        FactorCount = model.Factors.Count;
        MeanStructure = groups.Count > 1;
        Total = groups.Sum(g => (double)g.Count);
        Counts = [.. groups.Select(g => g.Count)];
        SampleCovariances = [.. groups.Select(g => Matrix<double>.Build.Dense(ItemCount, ItemCount, (i, j) => g.Covariance[(i * ItemCount) + j]))];
        SampleMeans = [.. groups.Select(g => Vector<double>.Build.Dense([.. g.Means]))];
        SampleLogDeterminants = [.. SampleCovariances.Select(LogDeterminant)];
        Layout();
    }

    public FactorModel Model { get; }

    public InvarianceLevel Level { get; }

    public int GroupCount { get; }

    public int ItemCount { get; }

    public int FactorCount { get; }

    /// <summary>Whether intercepts and means are part of the model (lavaan: with groups).</summary>
    public bool MeanStructure { get; }

    public double Total { get; }

    public long[] Counts { get; }

    public Matrix<double>[] SampleCovariances { get; }

    public Vector<double>[] SampleMeans { get; }

    public double[] SampleLogDeterminants { get; }

    public IReadOnlyList<ModelParameter> Parameters => _parameters;

    public int FreeCount { get; private set; }

    /// <summary>Sample statistics: per group p(p + 1)/2 covariances, and p means with a mean structure.</summary>
    public int Statistics => GroupCount * ((ItemCount * (ItemCount + 1) / 2) + (MeanStructure ? ItemCount : 0));

    private void Layout()
    {
        var shared = new Dictionary<(ParameterKind, int, int), int>();
        int next = 0;
        int Free(int group, ParameterKind kind, int row, int column, bool equal)
        {
            if (equal && group > 0)
            {
                return shared[(kind, row, column)];
            }

            int index = next++;
            if (equal)
            {
                shared[(kind, row, column)] = index;
            }

            return index;
        }

        bool equalLoadings = Level is InvarianceLevel.Metric or InvarianceLevel.Scalar;
        bool equalIntercepts = Level is InvarianceLevel.Scalar;
        for (int g = 0; g < GroupCount; g++)
        {
            for (int f = 0; f < FactorCount; f++)
            {
                var items = Model.Factors[f].Items;
                _parameters.Add(new ModelParameter(g, ParameterKind.Loading, items[0], f, -1, 1));
                for (int k = 1; k < items.Count; k++)
                {
                    _parameters.Add(new ModelParameter(g, ParameterKind.Loading, items[k], f, Free(g, ParameterKind.Loading, items[k], f, equalLoadings), 0));
                }
            }

            for (int i = 0; i < ItemCount; i++)
            {
                _parameters.Add(new ModelParameter(g, ParameterKind.ResidualVariance, i, i, Free(g, ParameterKind.ResidualVariance, i, i, false), 0));
            }

            for (int f = 0; f < FactorCount; f++)
            {
                for (int h = f; h < FactorCount; h++)
                {
                    _parameters.Add(new ModelParameter(g, ParameterKind.FactorCovariance, f, h, Free(g, ParameterKind.FactorCovariance, f, h, false), 0));
                }
            }

            for (int i = 0; i < ItemCount; i++)
            {
                // Without a mean structure the intercepts are the sample means, not parameters (lavaan does not report them).
                _parameters.Add(MeanStructure
                    ? new ModelParameter(g, ParameterKind.Intercept, i, 0, Free(g, ParameterKind.Intercept, i, 0, equalIntercepts), 0)
                    : new ModelParameter(g, ParameterKind.Intercept, i, 0, -1, SampleMeans[g][i]));
            }

            for (int f = 0; f < FactorCount; f++)
            {
                bool free = equalIntercepts && g > 0;
                _parameters.Add(new ModelParameter(g, ParameterKind.FactorMean, f, 0, free ? Free(g, ParameterKind.FactorMean, f, 0, false) : -1, 0));
            }
        }

        FreeCount = next;
    }

    /// <summary>Start values: marker-scaled loadings from the covariances with the marker, half the variances for residuals and factors.</summary>
    public Vector<double> StartValues()
    {
        var x = Vector<double>.Build.Dense(FreeCount);
        var seen = new bool[FreeCount];
        foreach (var entry in _parameters)
        {
            if (entry.Index < 0 || seen[entry.Index])
            {
                continue;
            }

            seen[entry.Index] = true;
            var s = SampleCovariances[entry.Group];
            x[entry.Index] = entry.Kind switch
            {
                ParameterKind.Loading => s[entry.Row, Model.Factors[entry.Column].Items[0]] / s[Model.Factors[entry.Column].Items[0], Model.Factors[entry.Column].Items[0]],
                ParameterKind.ResidualVariance => 0.5 * s[entry.Row, entry.Row],
                ParameterKind.FactorCovariance => entry.Row == entry.Column ? 0.5 * s[Model.Factors[entry.Row].Items[0], Model.Factors[entry.Row].Items[0]] : 0,
                ParameterKind.Intercept => SampleMeans[entry.Group][entry.Row],
                _ => 0,
            };
        }

        return x;
    }

    /// <summary>One group's model matrices at <paramref name="x"/>.</summary>
    public GroupMatrices Matrices(Vector<double> x, int group)
    {
        var lambda = Matrix<double>.Build.Dense(ItemCount, FactorCount);
        var phi = Matrix<double>.Build.Dense(FactorCount, FactorCount);
        var theta = Vector<double>.Build.Dense(ItemCount);
        var nu = Vector<double>.Build.Dense(ItemCount);
        var alpha = Vector<double>.Build.Dense(FactorCount);
        foreach (var entry in _parameters)
        {
            if (entry.Group != group)
            {
                continue;
            }

            double value = entry.Index >= 0 ? x[entry.Index] : entry.FixedValue;
            switch (entry.Kind)
            {
                case ParameterKind.Loading: lambda[entry.Row, entry.Column] = value; break;
                case ParameterKind.ResidualVariance: theta[entry.Row] = value; break;
                case ParameterKind.FactorCovariance: phi[entry.Row, entry.Column] = value; phi[entry.Column, entry.Row] = value; break;
                case ParameterKind.Intercept: nu[entry.Row] = value; break;
                default: alpha[entry.Row] = value; break;
            }
        }

        var sigma = (lambda * phi * lambda.Transpose()) + Matrix<double>.Build.DenseOfDiagonalVector(theta);
        var mu = nu + (lambda * alpha);
        return new GroupMatrices(lambda, phi, theta, nu, alpha, sigma, mu);
    }

    /// <summary>The fit function, its gradient and (optionally) the expected information, all per unit of N.</summary>
    public Evaluation Evaluate(Vector<double> x, bool withInformation)
    {
        double value = 0;
        var gradient = Vector<double>.Build.Dense(FreeCount);
        var information = withInformation ? Matrix<double>.Build.Dense(FreeCount, FreeCount) : null;
        var dSigma = new Matrix<double>[_parameters.Count];
        var dMu = new Vector<double>[_parameters.Count];
        for (int g = 0; g < GroupCount; g++)
        {
            var m = Matrices(x, g);
            if (!IsPositiveDefinite(m.Sigma))
            {
                return Evaluation.Invalid;
            }

            var cholesky = m.Sigma.Cholesky();

            double weight = Counts[g] / Total;
            var inverse = cholesky.Solve(Matrix<double>.Build.DenseIdentity(ItemCount));
            var s = SampleCovariances[g];
            var d = SampleMeans[g] - m.Mu;
            var inverseD = inverse * d;
            double fit = cholesky.DeterminantLn + (s * inverse).Trace() - SampleLogDeterminants[g] - ItemCount + d.DotProduct(inverseD);
            value += weight * fit / 2;
            var w = inverse * (s + d.OuterProduct(d)) * inverse;
            var gMatrix = inverse - w;
            var lambdaPhi = m.Lambda * m.Phi;
            var entries = new List<int>();
            for (int e = 0; e < _parameters.Count; e++)
            {
                var entry = _parameters[e];
                if (entry.Group != g || entry.Index < 0)
                {
                    continue;
                }

                (dSigma[e], dMu[e]) = Derivative(entry, m, lambdaPhi);
                gradient[entry.Index] += weight / 2 * (Dot(gMatrix, dSigma[e]) - (2 * inverseD.DotProduct(dMu[e])));
                entries.Add(e);
            }

            if (information is null)
            {
                continue;
            }

            // tr(Σ⁻¹ ∂Σ_u Σ⁻¹ ∂Σ_v) = Σ_ij A_u[i,j] · A_vᵀ[i,j] with A = Σ⁻¹ ∂Σ: one dot product of stored arrays per pair.
            var a = entries.Select(e => inverse * dSigma[e]).ToArray();
            var aT = a.Select(m => m.Transpose()).ToArray();
            var b = entries.Select(e => inverse * dMu[e]).ToArray();
            for (int u = 0; u < entries.Count; u++)
            {
                int k = _parameters[entries[u]].Index;
                for (int v = 0; v <= u; v++)
                {
                    int l = _parameters[entries[v]].Index;
                    double h = weight * ((0.5 * Dot(a[u], aT[v])) + dMu[entries[u]].DotProduct(b[v]));
                    information[k, l] += h;
                    if (u != v)
                    {
                        information[l, k] += h;
                    }
                }
            }
        }

        return new Evaluation(true, value, gradient, information);
    }

    private (Matrix<double> Sigma, Vector<double> Mu) Derivative(ModelParameter entry, GroupMatrices m, Matrix<double> lambdaPhi)
    {
        var dSigma = Matrix<double>.Build.Dense(ItemCount, ItemCount);
        var dMu = Vector<double>.Build.Dense(ItemCount);
        switch (entry.Kind)
        {
            case ParameterKind.Loading:
                for (int j = 0; j < ItemCount; j++)
                {
                    dSigma[entry.Row, j] += lambdaPhi[j, entry.Column];
                    dSigma[j, entry.Row] += lambdaPhi[j, entry.Column];
                }

                dMu[entry.Row] = m.Alpha[entry.Column];
                break;
            case ParameterKind.ResidualVariance:
                dSigma[entry.Row, entry.Row] = 1;
                break;
            case ParameterKind.FactorCovariance:
                var lf = m.Lambda.Column(entry.Row);
                var lh = m.Lambda.Column(entry.Column);
                dSigma = entry.Row == entry.Column ? lf.OuterProduct(lf) : lf.OuterProduct(lh) + lh.OuterProduct(lf);
                break;
            case ParameterKind.Intercept:
                dMu[entry.Row] = 1;
                break;
            default:
                dMu = m.Lambda.Column(entry.Row);
                break;
        }

        return (dSigma, dMu);
    }

    /// <summary>Σ_ij x[i,j] · y[i,j] over two dense matrices' stored arrays.</summary>
    private static double Dot(Matrix<double> x, Matrix<double> y)
    {
        var xs = x.AsColumnMajorArray() ?? x.ToColumnMajorArray();
        var ys = y.AsColumnMajorArray() ?? y.ToColumnMajorArray();
        double sum = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            sum += xs[i] * ys[i];
        }

        return sum;
    }

    private static bool IsPositiveDefinite(Matrix<double> sigma)
    {
        for (int i = 0; i < sigma.RowCount; i++)
        {
            if (!(sigma[i, i] > 0) || !double.IsFinite(sigma[i, i]))
            {
                return false;
            }
        }

        try
        {
            return double.IsFinite(sigma.Cholesky().DeterminantLn);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static double LogDeterminant(Matrix<double> s)
    {
        try
        {
            return s.Cholesky().DeterminantLn;
        }
        catch (ArgumentException)
        {
            return double.NaN;
        }
    }

    /// <summary>One evaluation of the fit function.</summary>
    internal sealed record Evaluation(bool Valid, double Value, Vector<double> Gradient, Matrix<double>? Information)
    {
        public static readonly Evaluation Invalid = new(false, double.NaN, Vector<double>.Build.Dense(1), null);
    }
}
