namespace Monitoring.Reports.Charts;

/// <summary>How a data layer draws one kind of mark: colour, width, and round ends (which make zero-length segments dots) or square ones (bars).</summary>
internal readonly record struct Stroke(string Hex, float Width, bool Round = true);
