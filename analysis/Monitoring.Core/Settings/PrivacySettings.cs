namespace Monitoring.Core.Settings;

/// <summary>
/// Bounds on forged submissions in open mode (anyone with a school's link can submit): a school-wave with more
/// submissions than <c>staff × MaxResponsesPerStaff + ExtraResponses</c> is withheld from coordinators.
/// </summary>
public sealed record PrivacySettings
{
    /// <summary>Submissions allowed per staff member in a wave, excluded submissions included; positive. Default 1.0.</summary>
    public double MaxResponsesPerStaff { get; init; } = 1.0;

    /// <summary>Submissions allowed on top (staff counts out of date, a resubmission); at least 0. Default 2.</summary>
    public int ExtraResponses { get; init; } = 2;

    /// <summary>The most submissions a school with <paramref name="staff"/> staff may have in a wave before it is withheld; null (no bound) when the staff count is unknown.</summary>
    public double? Limit(int? staff) => staff is { } s ? s * MaxResponsesPerStaff + ExtraResponses : null;
}
