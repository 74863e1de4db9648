using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Datasets.Tables;

/// <summary>
/// One column of a dataset as the codebook, the load scripts (R, SPSS, Stata) and the Parquet files describe it.
/// </summary>
/// <param name="Name">The column's name in the CSV header.</param>
/// <param name="Kind">What it holds.</param>
/// <param name="Label">Its variable label.</param>
/// <param name="Missing">What an empty field means ("never empty" when it cannot be).</param>
internal sealed record DatasetColumn(string Name, ColumnKind Kind, LocalizedText Label, string Missing)
{
    /// <summary>The unit or scale of the values ("" when none), e.g. "scale points 1–5", "share 0–1".</summary>
    public string Unit { get; init; } = "";

    /// <summary>The values it takes, in words (e.g. "1..5", "school ids (organisation.json)").</summary>
    public string Values { get; init; } = "";

    /// <summary>The labels of its values, in their order (the levels of a factor, the answers of an item).</summary>
    public IReadOnlyList<CodeLabel> ValueLabels { get; init; } = [];

    /// <summary>For a <see cref="ColumnKind.Code"/>: the values are shown by their labels (R factor labels, Stata labelled numbers).</summary>
    public bool ShowLabels { get; init; }

    /// <summary>The scales an item belongs to, or a scale's parent, space-separated.</summary>
    public string Scales { get; init; } = "";

    /// <summary>The item is reverse-keyed (recoded in responses.csv).</summary>
    public bool ReverseKeyed { get; init; }

    /// <summary>The widest text the column holds, in UTF-8 bytes (the string width in SPSS).</summary>
    public int Width { get; init; } = 64;

    /// <summary>The codebook's name of the type.</summary>
    public string TypeName => Kind switch
    {
        ColumnKind.Text => "string",
        ColumnKind.Code => "categorical",
        ColumnKind.Item or ColumnKind.Integer => "integer",
        ColumnKind.Number => "numeric",
        ColumnKind.Boolean => "boolean",
        _ => "datetime",
    };
}
