using Monitoring.Core.Studies;

namespace Monitoring.Core.Instruments;

/// <summary>The label of one response value, e.g. 0 = "Nooit" / "At no time".</summary>
public sealed record ResponseLabel(int Value, LocalizedText Text);
