namespace Monitoring.Core.Settings;

/// <summary>How covariances between items are computed when answers are missing.</summary>
public enum MissingDataConvention
{
    /// <summary>Each covariance from the respondents who answered both items (R: <c>use = "pairwise"</c>).</summary>
    Pairwise,

    /// <summary>Only respondents who answered every item of the scale.</summary>
    Listwise,
}
