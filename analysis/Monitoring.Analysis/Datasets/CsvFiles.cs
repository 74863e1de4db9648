using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
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

    /// <summary>
    /// Creates the file, deleting an earlier one first: overwriting truncates it, and on ext4 closing a file that was
    /// truncated and written again starts its writeback at once (auto_da_alloc), in the writing thread (0.06 s for
    /// 288 MB, on top of freeing the old blocks, which either way takes about as long).
    /// </summary>
    public static CsvWriter Create(string path)
    {
        File.Delete(path);
        return CsvWriter.Create(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), Options, leaveOpen: false);
    }

    public static void Header(CsvWriter csv, params ReadOnlySpan<string> names)
    {
        foreach (var name in names) csv.WriteField(name);
        csv.EndRecord();
    }

    /// <summary>
    /// Writes rows 0 to <paramref name="count"/> − 1 with <paramref name="row"/>, formatted on several threads and
    /// written in row order, so the bytes do not depend on the number of cores. The items of the parallel write are
    /// blocks of 32 rows: it sizes batches by their output (about 128 KB), but its first batches are 64 items, and
    /// with blocks of 4096 rows a million rows were a handful of 80 MB batches, formatted mostly one after another.
    /// </summary>
    public static void Rows(CsvWriter csv, int count, Action<CsvWriter, int> row)
    {
        const int Block = 32;
        var blocks = new int[(count + Block - 1) / Block];
        for (var i = 0; i < blocks.Length; i++) blocks[i] = i * Block;
        csv.ParallelWrite(blocks, (writer, first) =>
        {
            var end = Math.Min(count, first + Block);
            for (var i = first; i < end; i++) row(writer, i);
        }, Environment.ProcessorCount);
    }

    /// <summary>
    /// A statistic rounded to 8 significant digits (its inputs, scale scores, are single precision, so
    /// further digits are noise), in shortest round-trip form; an empty field for NaN, infinity or null.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot only in the tables, written once per run: optimised before the first row
    public static void Number(CsvWriter csv, double? value)
    {
        if (value is { } v && double.IsFinite(v)) Significant(csv, v, 8);
        else csv.WriteField(ReadOnlySpan<byte>.Empty);
    }

    /// <summary>A score (single precision) to 7 significant digits, e.g. 2.8 rather than 2.799999952316284; empty for NaN.</summary>
    public static void Number(CsvWriter csv, float value) => ScoreTexts.Current.Write(csv, value);

    /// <summary>
    /// Writes <see cref="Significant(double, int)"/> of finite <paramref name="value"/> as the writer writes that double
    /// (shortest round trip): from <see cref="TryFormatSignificant"/> where it applies, else as the double.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot only in the tables, written once per run: optimised before the first row
    internal static void Significant(CsvWriter csv, double value, int digits)
    {
        Span<byte> text = stackalloc byte[FormatBuffer];
        var length = TryFormatSignificant(value, digits, text);
        if (length >= 0) csv.WriteField(text[..length]);
        else csv.WriteField(Significant(value, digits));
    }

    /// <summary>The room <see cref="TryFormatSignificant"/> needs: it writes 8 bytes at a time; the text is at most 13 bytes (0.000 and 8 digits).</summary>
    internal const int FormatBuffer = 24;

    /// <summary><paramref name="value"/> rounded to <paramref name="digits"/> significant digits.</summary>
    internal static double Significant(double value, int digits)
    {
        if (value == 0 || !double.IsFinite(value)) return value;
        var decimals = digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value)));
        return decimals is >= 0 and <= 15 ? Math.Round(value, decimals, MidpointRounding.ToEven) : value;
    }

    private static readonly double[] PowersOfTen = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>
    /// <see cref="Significant(double, int)"/> of positive <paramref name="magnitude"/> (to at most 8 digits) as
    /// <paramref name="significand"/> / 10^<paramref name="decimals"/>, with a significand of exactly
    /// <paramref name="digits"/> digits, when the shortest round-trip text of the rounded double is that decimal in
    /// fixed notation: the two are exact doubles, so their quotient is correctly rounded, as parsing is; when it gives
    /// the rounded value back, the decimal round-trips, and with at most 8 significant digits no other decimal that
    /// short lies within its rounding interval, so it is the shortest. False below 0.0001 (written with an exponent),
    /// for a rounding that carries to 10^digits, and when the check fails.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryDecimal(double magnitude, int digits, out uint significand, out int decimals)
    {
        significand = 0;
        decimals = 0;
        if (!(magnitude > 0) || !double.IsFinite(magnitude) || digits is < 1 or > 8) return false;
        decimals = digits - 1 - (int)Math.Floor(Math.Log10(magnitude));
        if (decimals is < 0 or > 15) return false;
        var rounded = Math.Round(magnitude, decimals, MidpointRounding.ToEven);
        if (rounded < 1e-4) return false;
        var power = PowersOfTen[decimals];
        var scaled = Math.Round(rounded * power);
        if (scaled / power != rounded || scaled < PowersOfTen[digits - 1] || scaled >= PowersOfTen[digits]) return false;
        significand = (uint)scaled;
        return true;
    }

    /// <summary>
    /// Formats <see cref="Significant(double, int)"/> of <paramref name="value"/> into <paramref name="destination"/>
    /// (<see cref="FormatBuffer"/> bytes) as the UTF-8 text that the writer gives the rounded double, without the general
    /// formatter, for zero and the positive values that <see cref="TryDecimal"/> takes; returns the length, or −1. A
    /// negative number written as text would get the injection escape, so those are left to the writer's own double
    /// formatting (a decimal of the same digits was slower once the code had tiered up).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot only in the tables, written once per run: optimised before the first row
    internal static int TryFormatSignificant(double value, int digits, Span<byte> destination)
    {
        if (destination.Length < FormatBuffer) return -1;
        if (value == 0 && !double.IsNegative(value))
        {
            destination[0] = (byte)'0';
            return 1;
        }
        if (!TryDecimal(value, digits, out var m, out var decimals)) return -1;

        // The 8 digits of M, zero-padded, as ASCII in one integer with the first digit in the lowest byte: split into
        // two 4-digit halves, then each half into 2-digit and those into 1-digit lanes, all lanes at once.
        var x = (m / 10000) | ((ulong)(m % 10000) << 32);
        var y = ((x * 10486) >> 20) & 0x0000007F_0000007FUL; // x / 100 in each 32-bit lane (exact below 43,699)
        x = y | ((x - (y * 100)) << 16);
        y = ((x * 103) >> 10) & 0x000F000F_000F000FUL; // x / 10 in each 16-bit lane (exact below 179)
        x = y | ((x - (y * 10)) << 8);
        var trailingZeros = Math.Min(BitOperations.LeadingZeroCount(x) >> 3, decimals);
        var text = (x | 0x30303030_30303030UL) >> (8 * (8 - digits)); // the digits of M from the lowest byte
        var integers = digits - decimals;
        var fraction = decimals - trailingZeros;
        if (integers == 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(destination, text);
            return 8;
        }
        if (integers > 0)
        {
            // The integer digits and the point, then the decimals after them.
            var point = 8 * integers;
            BinaryPrimitives.WriteUInt64LittleEndian(destination, (text & ((1UL << point) - 1)) | ((ulong)'.' << point));
            BinaryPrimitives.WriteUInt64LittleEndian(destination[(integers + 1)..], text >> point);
            return fraction > 0 ? integers + 1 + fraction : integers;
        }
        // Below 1: "0.", the zeros after the point (at most three, from 0.0001), then the digits.
        BinaryPrimitives.WriteUInt64LittleEndian(destination, 0x30303030_30302E30UL); // "0.000000"
        BinaryPrimitives.WriteUInt64LittleEndian(destination[(2 - integers)..], text);
        return 2 - integers + digits - trailingZeros;
    }

    /// <summary>
    /// Writes a count as <c>WriteField(int)</c> does, from the runtime's own (precompiled) integer formatting; the
    /// writer's generic number path is first used in the tables, where it ran unoptimised while it tiered up.
    /// </summary>
    public static void Count(CsvWriter csv, int value)
    {
        Span<byte> text = stackalloc byte[11];
        if (value >= 0 && Utf8Formatter.TryFormat(value, text, out var length)) csv.WriteField(text[..length]);
        else csv.WriteField(value);
    }

    public static void Bool(CsvWriter csv, bool value) => csv.WriteField(value ? "true"u8 : "false"u8);
}
