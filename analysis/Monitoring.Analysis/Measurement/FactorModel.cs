namespace Monitoring.Analysis.Measurement;

/// <summary>
/// A confirmatory factor model with simple structure: each factor is measured by its own items, the
/// first of which is the marker (its loading fixed to 1, as lavaan's <c>cfa()</c> does); factors covary freely.
/// </summary>
public sealed record FactorModel
{
    /// <param name="items">The observed items, in the order of the moments' rows and columns.</param>
    /// <param name="factors">The factors; every item belongs to exactly one.</param>
    public FactorModel(IReadOnlyList<string> items, IReadOnlyList<Factor> factors)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentOutOfRangeException.ThrowIfZero(factors.Count, nameof(factors));
        var owner = new int[items.Count];
        Array.Fill(owner, -1);
        for (int f = 0; f < factors.Count; f++)
        {
            ArgumentOutOfRangeException.ThrowIfZero(factors[f].Items.Count, nameof(factors));
            foreach (int item in factors[f].Items)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(item, nameof(factors));
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(item, items.Count, nameof(factors));
                if (owner[item] >= 0)
                {
                    throw new ArgumentException($"Item '{items[item]}' belongs to more than one factor.", nameof(factors));
                }

                owner[item] = f;
            }
        }

        int unowned = Array.IndexOf(owner, -1);
        if (unowned >= 0)
        {
            throw new ArgumentException($"Item '{items[unowned]}' belongs to no factor.", nameof(factors));
        }

        Items = items;
        Factors = factors;
    }

    /// <summary>The observed items.</summary>
    public IReadOnlyList<string> Items { get; }

    /// <summary>The factors.</summary>
    public IReadOnlyList<Factor> Factors { get; }

    /// <summary>A one-factor model over all the items.</summary>
    public static FactorModel OneFactor(string factor, IReadOnlyList<string> items) =>
        new(items, [new Factor(factor, [.. Enumerable.Range(0, items.Count)])]);
}
