namespace Monitoring.Core.Instruments;

/// <summary>
/// An integer rating format from <see cref="Min"/> to <see cref="Max"/> (both inclusive),
/// with labels for some or all values.
/// </summary>
public sealed record ResponseFormat
{
    /// <summary>Creates a format.</summary>
    /// <exception cref="ArgumentException">When <paramref name="min"/> is not below <paramref name="max"/>.</exception>
    public ResponseFormat(string id, int min, int max, IReadOnlyList<ResponseLabel> labels)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(min, max, nameof(min));
        Id = id;
        Min = min;
        Max = max;
        Labels = labels;
    }

    /// <summary>The format's id within its instrument.</summary>
    public string Id { get; }

    /// <summary>The lowest allowed value.</summary>
    public int Min { get; }

    /// <summary>The highest allowed value.</summary>
    public int Max { get; }

    /// <summary>Labels for values, ascending by value.</summary>
    public IReadOnlyList<ResponseLabel> Labels { get; }

    /// <summary>Whether <paramref name="value"/> is an allowed answer.</summary>
    public bool Allows(double value) => value >= Min && value <= Max && Math.Floor(value) == value;

    /// <summary>Reverse-keys <paramref name="value"/> with the declared bounds: min + max − value.</summary>
    public double Reverse(double value) => Min + Max - value;
}
