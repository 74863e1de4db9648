namespace Monitoring.Core.Instruments;

/// <summary>How a scale score is formed from its (recoded) answered items.</summary>
public enum ScoringMethod
{
    /// <summary>The mean of the answered items.</summary>
    Mean,

    /// <summary>The mean of the answered items times the number of items (a prorated sum).</summary>
    Sum,
}
