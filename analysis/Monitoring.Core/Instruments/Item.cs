using Monitoring.Core.Studies;

namespace Monitoring.Core.Instruments;

/// <summary>One question of an instrument.</summary>
/// <param name="Id">The item's id, unique in the study.</param>
/// <param name="Instrument">The instrument it belongs to.</param>
/// <param name="Text">The question text.</param>
/// <param name="Format">Its response format.</param>
/// <param name="IsReverseKeyed">Whether high answers mean less of the construct; scoring recodes it with <see cref="ResponseFormat.Reverse"/>.</param>
public sealed record Item(ItemId Id, InstrumentId Instrument, LocalizedText Text, ResponseFormat Format, bool IsReverseKeyed);
