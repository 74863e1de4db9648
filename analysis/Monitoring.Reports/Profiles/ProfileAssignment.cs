using Monitoring.Core.Studies;

namespace Monitoring.Reports.Profiles;

/// <summary>A school's profile in one wave.</summary>
public sealed record ProfileAssignment(SchoolId School, WaveId Wave, int Profile);
