using System.Globalization;
using CsvHelper;

namespace Monitoring.Analysis.Datasets;

/// <summary>
/// The one CSV dialect of every output: RFC 4180, UTF-8 without BOM, "\n" line ends, invariant
/// culture, and text that starts like a spreadsheet formula (=, +, -, @, tab, CR) prefixed with a
/// quote character so that a spreadsheet shows it as text. Missing numbers are empty fields.
/// </summary>
internal static class CsvFiles
{
    public static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static CsvWriter Create(string path) =>
        CsvWriter.Create(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), Options, leaveOpen: false);

    public static void Header(CsvWriter csv, params ReadOnlySpan<string> names)
    {
        foreach (var name in names) csv.WriteField(name);
        csv.EndRecord();
    }

    /// <summary>
    /// A statistic rounded to 8 significant digits (its inputs, scale scores, are single precision, so
    /// further digits are noise), in shortest round-trip form; an empty field for NaN, infinity or null.
    /// </summary>
    public static void Number(CsvWriter csv, double? value)
    {
        if (value is { } v && double.IsFinite(v)) csv.WriteField(Significant(v, 8));
        else csv.WriteField("");
    }

    /// <summary>A score (single precision) to 7 significant digits, e.g. 2.8 rather than 2.799999952316284; empty for NaN.</summary>
    public static void Number(CsvWriter csv, float value)
    {
        if (float.IsFinite(value)) csv.WriteField(Significant(value, 7));
        else csv.WriteField("");
    }

    /// <summary><paramref name="value"/> rounded to <paramref name="digits"/> significant digits.</summary>
    internal static double Significant(double value, int digits)
    {
        if (value == 0 || !double.IsFinite(value)) return value;
        var decimals = digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value)));
        return decimals is >= 0 and <= 15 ? Math.Round(value, decimals, MidpointRounding.ToEven) : value;
    }

    public static void Bool(CsvWriter csv, bool value) => csv.WriteField(value ? "true" : "false");
}
