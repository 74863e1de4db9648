namespace Monitoring.Core.Studies;

/// <summary>A school (a "vestigingsplaats") with its staff size per wave.</summary>
/// <param name="Id">The school's id.</param>
/// <param name="Name">The school's display name (fictional in the sample study).</param>
/// <param name="Kind">A free descriptor such as "primary" or "part-time arts", or null.</param>
/// <param name="StaffByWave">Number of staff members per wave: the denominator of response rates. A wave may be absent.</param>
public sealed record School(SchoolId Id, string Name, string? Kind, IReadOnlyDictionary<WaveId, int> StaffByWave)
{
    /// <summary>The staff count at <paramref name="wave"/>, or null when unknown.</summary>
    public int? StaffAt(WaveId wave) => StaffByWave.TryGetValue(wave, out var n) ? n : null;
}
