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

    /// <summary>A number in shortest round-trip form, or an empty field for NaN, infinity or null.</summary>
    public static void Number(CsvWriter csv, double? value)
    {
        if (value is { } v && double.IsFinite(v)) csv.WriteField(v);
        else csv.WriteField("");
    }

    /// <summary>A float score in shortest round-trip form, or an empty field for NaN.</summary>
    public static void Number(CsvWriter csv, float value)
    {
        if (float.IsFinite(value)) csv.WriteField(value);
        else csv.WriteField("");
    }

    public static void Bool(CsvWriter csv, bool value) => csv.WriteField(value ? "true" : "false");
}
