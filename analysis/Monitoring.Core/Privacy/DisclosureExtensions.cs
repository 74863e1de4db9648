namespace Monitoring.Core.Privacy;

/// <summary>Questions about a <see cref="Disclosure"/>.</summary>
public static class DisclosureExtensions
{
    /// <summary>Whether the unit's counts and statistics are hidden from coordinators (anything but <see cref="Disclosure.Shown"/>).</summary>
    public static bool IsHidden(this Disclosure disclosure) => disclosure != Disclosure.Shown;
}
