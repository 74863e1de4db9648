using Monitoring.Core.Studies;

namespace Monitoring.Core.Results;

/// <summary>A school that has scores in a wave but no profile there, and why.</summary>
/// <param name="School">The school.</param>
/// <param name="Wave">The wave.</param>
/// <param name="Reason">Why, for researchers, e.g. "3 valid scores on 'participatie', below the privacy threshold of 5".</param>
public sealed record LeftOutSchool(SchoolId School, WaveId Wave, string Reason);
