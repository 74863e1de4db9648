using Monitoring.Core.Instruments;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Results;

/// <summary>
/// A school's unsuppressed mean on one scale in one wave, with the number of valid scores behind it:
/// the input of school profiles. Researchers' data: the profile step itself leaves out schools below
/// the privacy threshold, and coordinator-facing outputs never show these values directly.
/// </summary>
public sealed record SchoolMean(SchoolId School, WaveId Wave, ScaleId Scale, int N, double Mean);
