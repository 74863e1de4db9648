namespace Monitoring.Profiles.Clustering;

/// <summary>ML.NET's input row: one standardized profile vector. Mutable because ML.NET binds to it.</summary>
internal sealed class ProfileRow
{
    public float[] Features { get; set; } = [];
}
