using Monitoring.Core.Studies;

namespace Monitoring.Core.Instruments;

/// <summary>A questionnaire: its items, response formats and scales, defined as data.</summary>
/// <param name="Id">The instrument's id.</param>
/// <param name="Version">The researchers' version label, recorded in every manifest.</param>
/// <param name="Name">The instrument's name.</param>
/// <param name="Notice">A note for researchers, e.g. that item texts are samples; may be null.</param>
/// <param name="Items">The items, in presentation order.</param>
/// <param name="Scales">All scales and subscales, parents before their subscales.</param>
public sealed record Instrument(
    InstrumentId Id,
    string Version,
    LocalizedText Name,
    string? Notice,
    IReadOnlyList<Item> Items,
    IReadOnlyList<Scale> Scales);
