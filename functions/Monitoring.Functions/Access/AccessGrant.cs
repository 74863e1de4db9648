using Monitoring.Core.Studies;

namespace Monitoring.Functions.Access;

/// <summary>What a presented key opens: a researcher opens the datasets and every report; a coordinator one network's report.</summary>
public sealed record AccessGrant(AccessRole Role, NetworkId? Network)
{
    /// <summary>Whether the grant opens the datasets.</summary>
    public bool OpensDatasets => Role == AccessRole.Researcher;

    /// <summary>Whether the grant opens <paramref name="network"/>'s report.</summary>
    public bool OpensReport(NetworkId network) => Role == AccessRole.Researcher || Network == network;
}

/// <summary>The roles of download keys.</summary>
public enum AccessRole
{
    /// <summary>The follow-up team: datasets and every network's report.</summary>
    Researcher,

    /// <summary>A network coordinator: that network's report only.</summary>
    Coordinator,
}
