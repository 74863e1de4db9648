namespace Monitoring.Reports.Charts;

/// <summary>How a data layer draws one kind of mark: colour, width, dashes, and round or square ends (round ends make zero-length segments dots).</summary>
internal readonly record struct Stroke(string Hex, float Width, bool Dashed = false, bool Round = true);
