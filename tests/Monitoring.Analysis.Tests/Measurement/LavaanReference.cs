using System.Globalization;
using Monitoring.Analysis.Measurement;

namespace Monitoring.Analysis.Tests.Measurement;

/// <summary>
/// The lavaan reference values in <c>Measurement/reference/</c>, written once by <c>reference.R</c>
/// (R 4.2.2, lavaan 0.6-14) and committed, and the comparison of a C# fit with them.
/// </summary>
internal static class LavaanReference
{
    public const double Tolerance = 1e-4;

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Measurement", "reference");

    private static readonly Lazy<Dictionary<string, double>> Values = new(() =>
        System.IO.File.ReadLines(Path.Combine(Folder, "reference_values.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(parts => parts[0], parts => parts[1] == "NA" ? double.NaN : double.Parse(parts[1], CultureInfo.InvariantCulture)));

    public static string File(string name) => Path.Combine(Folder, name);

    public static IEnumerable<string> Keys(string prefix) => Values.Value.Keys.Where(k => k.StartsWith(prefix + ".", StringComparison.Ordinal));

    public static double Value(string key) =>
        Values.Value.TryGetValue(key, out double value) ? value : throw new KeyNotFoundException($"No reference value '{key}'.");

    /// <summary>
    /// Every estimate, standard error, std.all and its standard error, and every fit measure lavaan wrote for
    /// <paramref name="name"/>, against <paramref name="fit"/>: the differences beyond the tolerance, and every
    /// lavaan row the fit does not have.
    /// </summary>
    public static List<string> Differences(string name, CfaFit fit)
    {
        var differences = new List<string>();
        var ours = new Dictionary<string, double>();
        foreach (var p in fit.Parameters)
        {
            string key = $"{name}.{p.Key}.g{p.Group}";
            ours[key + ".est"] = p.Estimate;
            ours[key + ".se"] = p.StandardError;
            ours[key + ".std"] = p.Standardized;
            ours[key + ".stdse"] = p.StandardizedError;
        }

        var f = fit.Fit ?? throw new InvalidOperationException($"{name} did not converge.");
        ours[$"{name}.fit.chisq"] = f.ChiSquare;
        ours[$"{name}.fit.df"] = f.DegreesOfFreedom;
        ours[$"{name}.fit.pvalue"] = f.PValue;
        ours[$"{name}.fit.baseline.chisq"] = f.BaselineChiSquare;
        ours[$"{name}.fit.baseline.df"] = f.BaselineDegreesOfFreedom;
        ours[$"{name}.fit.cfi"] = f.Cfi;
        ours[$"{name}.fit.tli"] = f.Tli;
        ours[$"{name}.fit.rmsea"] = f.Rmsea;
        ours[$"{name}.fit.rmsea.ci.lower"] = f.RmseaLower;
        ours[$"{name}.fit.rmsea.ci.upper"] = f.RmseaUpper;
        ours[$"{name}.fit.srmr"] = f.Srmr;
        ours[$"{name}.fit.ntotal"] = fit.GroupCounts.Sum();
        var keys = Keys(name).ToList();
        Assert.NotEmpty(keys);
        foreach (string key in keys)
        {
            double expected = Value(key);
            if (!ours.TryGetValue(key, out double actual))
            {
                differences.Add($"{key}: lavaan {expected}, missing here");
                continue;
            }

            bool same = double.IsNaN(expected) ? double.IsNaN(actual) : Math.Abs(actual - expected) <= Tolerance;
            if (!same)
            {
                differences.Add($"{key}: lavaan {expected}, here {actual}");
            }
        }

        return differences;
    }
}
