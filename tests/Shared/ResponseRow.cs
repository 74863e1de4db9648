using System.Globalization;
using System.Text;

namespace Monitoring.Tests.Shared;

/// <summary>
/// One row of a raw response CSV against the sample study (docs/formats.md, "Raw responses"),
/// built so that a test states only what matters to it. <see cref="Valid"/> starts from a row that
/// every cleaning rule keeps: all 35 items answered with varied answers, ten minutes inside the
/// wave's window.
/// </summary>
internal sealed class ResponseRow
{
    public static readonly string[] FixedColumns = ["response_id", "school", "wave", "role", "linkage_code", "started", "submitted", "language"];

    /// <summary>The sample study's items in definition order, with a varied default answer each (raw, before recoding).</summary>
    public static readonly (string Item, int Answer)[] Items =
    [
        ("wb_01", 3), ("wb_02", 2), ("wb_03", 4), ("wb_04", 3), ("wb_05", 2),
        ("dk_01", 4), ("dk_02", 2), ("dk_03", 4), ("dk_04", 1), ("dk_05", 5), ("dk_06", 2),
        ("gl_01", 4), ("gl_02", 5), ("gl_03", 4), ("gl_04", 2), ("gl_05", 4), ("gl_06", 3), ("gl_07", 4), ("gl_08", 2),
        ("gl_09", 5), ("gl_10", 1), ("gl_11", 4), ("gl_12", 4), ("gl_13", 2), ("gl_14", 5), ("gl_15", 3),
        ("bv_01", 4), ("bv_02", 5), ("bv_03", 3), ("bv_04", 4), ("bv_05", 2), ("bv_06", 5), ("bv_07", 3), ("bv_08", 4), ("bv_09", 4),
    ];

    public static readonly string[] Header = [.. FixedColumns, .. Items.Select(i => i.Item)];

    private static int _counter;
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>A row that every cleaning rule keeps, in <paramref name="school"/> and <paramref name="wave"/> (T0, T1 or T2).</summary>
    public static ResponseRow Valid(string school = "oostende-bs-01", string wave = "T0", string? id = null)
    {
        var row = new ResponseRow();
        row._values["response_id"] = id ?? $"r{Interlocked.Increment(ref _counter):D5}";
        row._values["school"] = school;
        row._values["wave"] = wave;
        row._values["role"] = "teacher";
        row._values["language"] = "nl";
        var started = DefaultStart(wave);
        row.Times(started, started.AddMinutes(10));
        foreach (var (item, answer) in Items) row._values[item] = answer.ToString(CultureInfo.InvariantCulture);
        return row;
    }

    /// <summary>9:00 on a weekday early in the wave's window.</summary>
    public static DateTimeOffset DefaultStart(string wave) => wave switch
    {
        "T0" => new DateTimeOffset(2021, 10, 5, 9, 0, 0, TimeSpan.FromHours(2)),
        "T1" => new DateTimeOffset(2022, 3, 21, 9, 0, 0, TimeSpan.FromHours(1)),
        "T2" => new DateTimeOffset(2023, 3, 20, 9, 0, 0, TimeSpan.FromHours(1)),
        _ => new DateTimeOffset(2021, 10, 5, 9, 0, 0, TimeSpan.FromHours(2)),
    };

    public string Id => _values["response_id"];

    public string this[string column] => _values.GetValueOrDefault(column, "");

    /// <summary>Sets any column to the text given (empty = missing).</summary>
    public ResponseRow Set(string column, string value)
    {
        _values[column] = value;
        return this;
    }

    public ResponseRow Linkage(string code) => Set("linkage_code", code);

    public ResponseRow Times(DateTimeOffset started, DateTimeOffset submitted) =>
        Set("started", Text(started)).Set("submitted", Text(submitted));

    /// <summary>Submitted at <paramref name="submitted"/>, started ten minutes earlier.</summary>
    public ResponseRow SubmittedAt(DateTimeOffset submitted) => Times(submitted.AddMinutes(-10), submitted);

    /// <summary>Started at the wave's default start and submitted <paramref name="seconds"/> later.</summary>
    public ResponseRow Duration(double seconds)
    {
        var started = DateTimeOffset.Parse(_values["started"], CultureInfo.InvariantCulture);
        return Times(started, started.AddSeconds(seconds));
    }

    /// <summary>Sets one answer; null leaves the item unanswered.</summary>
    public ResponseRow Answer(string item, int? value) => Set(item, value?.ToString(CultureInfo.InvariantCulture) ?? "");

    /// <summary>Sets the answers of the items whose ids start with <paramref name="prefix"/> (e.g. "dk"), in order; null = unanswered.</summary>
    public ResponseRow Answers(string prefix, params int?[] values)
    {
        var items = Items.Where(i => i.Item.StartsWith(prefix + "_", StringComparison.Ordinal)).Select(i => i.Item).ToArray();
        if (items.Length != values.Length) throw new ArgumentException($"'{prefix}' has {items.Length} items, {values.Length} answers given.");
        for (var i = 0; i < items.Length; i++) Answer(items[i], values[i]);
        return this;
    }

    /// <summary>Answers every item starting with <paramref name="prefix"/> with <paramref name="value"/> (null: leaves them all unanswered).</summary>
    public ResponseRow All(string prefix, int? value) =>
        Answers(prefix, [.. Items.Where(i => i.Item.StartsWith(prefix + "_", StringComparison.Ordinal)).Select(_ => value)]);

    /// <summary>A welbevinden score of exactly <paramref name="score"/>: all five wb items answered with it (wb has no reverse-keyed items).</summary>
    public ResponseRow Welbevinden(int score) => All("wb", score);

    /// <summary>The number of answered items.</summary>
    public int Answered => Items.Count(i => this[i.Item].Length > 0);

    /// <summary>ISO 8601 with offset; fractional seconds only when there are any.</summary>
    public static string Text(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>The CSV text of <paramref name="rows"/> with <paramref name="header"/> (default: every column).</summary>
    public static string Csv(IEnumerable<ResponseRow> rows, IReadOnlyList<string>? header = null)
    {
        header ??= Header;
        var text = new StringBuilder();
        text.Append(string.Join(',', header)).Append('\n');
        foreach (var row in rows) text.Append(string.Join(',', header.Select(c => Quote(row[c])))).Append('\n');
        return text.ToString();
    }

    /// <summary>Writes <paramref name="rows"/> as a CSV file.</summary>
    public static void Write(string path, IEnumerable<ResponseRow> rows) => File.WriteAllText(path, Csv(rows), new UTF8Encoding(false));

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
