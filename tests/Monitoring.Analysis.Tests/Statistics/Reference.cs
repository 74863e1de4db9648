using System.Globalization;

namespace Monitoring.Analysis.Tests.Statistics;

/// <summary>
/// The data sets and R reference values in <c>Statistics/reference/</c>, written once by
/// <c>reference.R</c> (R 4.2.2, psych 2.2.9) and committed.
/// </summary>
internal static class Reference
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Statistics", "reference");

    private static readonly Lazy<Dictionary<string, double>> Values = new(() =>
        File.ReadLines(Path.Combine(Folder, "reference_values.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(parts => parts[0], parts => double.Parse(parts[1], CultureInfo.InvariantCulture)));

    /// <summary>One reference value by key, e.g. <c>alpha_pairwise.raw_alpha</c>.</summary>
    public static double Value(string key) =>
        Values.Value.TryGetValue(key, out double value)
            ? value
            : throw new KeyNotFoundException($"No reference value '{key}' in reference_values.csv.");

    /// <summary>The columns of a data file by header name; "NA" becomes NaN.</summary>
    public static Dictionary<string, float[]> Columns(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, file));
        var header = lines[0].Split(',');
        var columns = header.ToDictionary(name => name, _ => new float[lines.Length - 1]);
        for (int row = 1; row < lines.Length; row++)
        {
            var cells = lines[row].Split(',');
            for (int c = 0; c < header.Length; c++)
            {
                columns[header[c]][row - 1] = cells[c] == "NA"
                    ? float.NaN
                    : float.Parse(cells[c], CultureInfo.InvariantCulture);
            }
        }

        return columns;
    }

    /// <summary>Every column of a data file, in file order.</summary>
    public static float[][] Items(string file)
    {
        var header = File.ReadLines(Path.Combine(Folder, file)).First().Split(',');
        var columns = Columns(file);
        return [.. header.Select(name => columns[name])];
    }
}
