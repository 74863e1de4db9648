namespace Monitoring.Core.Instruments;

/// <summary>Identifies an instrument (questionnaire).</summary>
public readonly record struct InstrumentId(string Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value;
}

/// <summary>
/// Identifies an item. Item ids are unique across a study, because each item is one column
/// in the raw responses and the datasets; they are valid R and SPSS variable names.
/// </summary>
public readonly record struct ItemId(string Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value;
}

/// <summary>Identifies a scale or subscale; unique across a study, and a valid R and SPSS variable name.</summary>
public readonly record struct ScaleId(string Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value;
}
