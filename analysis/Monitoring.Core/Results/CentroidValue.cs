using Monitoring.Core.Instruments;

namespace Monitoring.Core.Results;

/// <summary>A profile centroid's value on one leaf scale.</summary>
/// <param name="Scale">The leaf scale.</param>
/// <param name="Z">The value in baseline standard deviations from the baseline mean (<see cref="ScaleReference"/>).</param>
/// <param name="Mean">The same value on the scale's response range: reference mean + <see cref="Z"/> × reference SD.</param>
public sealed record CentroidValue(ScaleId Scale, double Z, double Mean);
