using Monitoring.Core.Studies;

namespace Monitoring.Core.Instruments;

/// <summary>
/// A scale or subscale: a set of items scored together. A score is only formed when at least
/// <see cref="MinAnsweredShare"/> of <see cref="Items"/> are answered; reverse-keyed items
/// (<see cref="Item.IsReverseKeyed"/>) are recoded first.
/// </summary>
public sealed record Scale
{
    /// <summary>Creates a scale.</summary>
    /// <exception cref="ArgumentException">When it has no items or the share is outside (0, 1].</exception>
    public Scale(
        ScaleId id,
        InstrumentId instrument,
        LocalizedText name,
        IReadOnlyList<ItemId> items,
        IReadOnlyList<ItemId> reverseKeyed,
        double minAnsweredShare,
        ScoringMethod scoring,
        ScaleId? parent)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfZero(items.Count, nameof(items));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minAnsweredShare);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minAnsweredShare, 1.0);
        Id = id;
        Instrument = instrument;
        Name = name;
        Items = items;
        ReverseKeyed = reverseKeyed;
        MinAnsweredShare = minAnsweredShare;
        Scoring = scoring;
        Parent = parent;
    }

    /// <summary>The scale's id, unique in the study.</summary>
    public ScaleId Id { get; }

    /// <summary>The instrument it belongs to.</summary>
    public InstrumentId Instrument { get; }

    /// <summary>The scale's name.</summary>
    public LocalizedText Name { get; }

    /// <summary>The scale's items, in instrument order.</summary>
    public IReadOnlyList<ItemId> Items { get; }

    /// <summary>Those of <see cref="Items"/> that are reverse-keyed.</summary>
    public IReadOnlyList<ItemId> ReverseKeyed { get; }

    /// <summary>The share of items, in (0, 1], that must be answered for a score; default 0.5.</summary>
    public double MinAnsweredShare { get; }

    /// <summary>How the score is formed.</summary>
    public ScoringMethod Scoring { get; }

    /// <summary>The scale this one is a subscale of, or null for a top-level scale.</summary>
    public ScaleId? Parent { get; }

    /// <summary>The smallest number of answered items that gives a score: ⌈share × k⌉, at least 1.</summary>
    public int MinAnsweredItems => Math.Max(1, (int)Math.Ceiling(MinAnsweredShare * Items.Count - 1e-9));
}
