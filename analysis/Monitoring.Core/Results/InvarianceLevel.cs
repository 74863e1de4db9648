namespace Monitoring.Core.Results;

/// <summary>The equality constraints of a multi-group model, as lavaan's <c>group.equal</c>.</summary>
public enum InvarianceLevel
{
    /// <summary>Same pattern, every parameter free per group.</summary>
    Configural,

    /// <summary>Loadings equal across groups (<c>group.equal = "loadings"</c>).</summary>
    Metric,

    /// <summary>Loadings and intercepts equal; factor means free from the second group on.</summary>
    Scalar,
}
