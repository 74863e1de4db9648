using Monitoring.Core.Instruments;

namespace Monitoring.Core.Studies;

/// <summary>A scheduled measurement ("meetmoment") with its response window and instruments.</summary>
public sealed record Wave
{
    /// <summary>Creates a wave.</summary>
    /// <exception cref="ArgumentException">When <paramref name="closes"/> is not after <paramref name="opens"/>.</exception>
    public Wave(WaveId id, LocalizedText name, DateTimeOffset opens, DateTimeOffset closes, IReadOnlyList<InstrumentId> instruments)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(closes, opens, nameof(closes));
        ArgumentNullException.ThrowIfNull(instruments);
        Id = id;
        Name = name;
        Opens = opens;
        Closes = closes;
        Instruments = instruments;
    }

    /// <summary>The wave's id, e.g. "T0".</summary>
    public WaveId Id { get; }

    /// <summary>The wave's display name.</summary>
    public LocalizedText Name { get; }

    /// <summary>The first instant at which responses are accepted (inclusive).</summary>
    public DateTimeOffset Opens { get; }

    /// <summary>The last instant at which responses are accepted (inclusive).</summary>
    public DateTimeOffset Closes { get; }

    /// <summary>The instruments administered in this wave, in presentation order.</summary>
    public IReadOnlyList<InstrumentId> Instruments { get; }

    /// <summary>Whether respondents need a single-use access code (<see cref="WaveAccess.Closed"/>). Default <see cref="WaveAccess.Open"/>.</summary>
    public WaveAccess Access { get; init; } = WaveAccess.Open;

    /// <summary>Whether <paramref name="instant"/> falls inside the window (both ends inclusive).</summary>
    public bool IsOpenAt(DateTimeOffset instant) => instant >= Opens && instant <= Closes;
}
