namespace Monitoring.Profiles.Clustering;

/// <summary>The purposes that random numbers are drawn for; each gets its own stream derived from the seed.</summary>
internal static class Streams
{
    public const int FitSample = 1;
    public const int SilhouetteSample = 2;
    public const int BootstrapSample = 3;
    public const int FitContext = 4;
    public const int Resample = 6;
    public const int MixtureSample = 7;
}
