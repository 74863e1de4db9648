namespace Monitoring.Core.Studies;

/// <summary>A staff role that respondents report, e.g. school leader or teacher.</summary>
public sealed record Role(RoleId Id, LocalizedText Name);
