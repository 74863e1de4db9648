namespace Monitoring.Analysis.Datasets.Tables;

/// <summary>What a dataset column holds; it decides the column's type in the codebook, the load scripts and Parquet.</summary>
internal enum ColumnKind
{
    /// <summary>Free text (Parquet: string).</summary>
    Text,

    /// <summary>An id from a known set, with value labels when the set has names (Parquet: dictionary-encoded string; R: factor).</summary>
    Code,

    /// <summary>An answer: an integer with the item's value labels (Parquet: int32; R: haven labelled).</summary>
    Item,

    /// <summary>A count or another integer (Parquet: int32).</summary>
    Integer,

    /// <summary>A real number (Parquet: double).</summary>
    Number,

    /// <summary>true or false (Parquet: boolean; R: logical).</summary>
    Boolean,

    /// <summary>An ISO 8601 instant with offset (Parquet: timestamp, adjusted to UTC; R: POSIXct).</summary>
    Timestamp,
}
