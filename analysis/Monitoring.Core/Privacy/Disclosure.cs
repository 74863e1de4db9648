namespace Monitoring.Core.Privacy;

/// <summary>
/// What coordinators, schools and status pages may see of one unit in one wave (docs/methods.md, "One
/// disclosure decision"). Decided once per unit and wave for every table and page together.
/// </summary>
public enum Disclosure
{
    /// <summary>Shown: its counts and statistics appear in every coordinator-facing output.</summary>
    Shown,

    /// <summary>Hidden (primary): it has fewer kept responses than the privacy threshold, or a scale with between 1 and threshold − 1 valid scores.</summary>
    BelowThreshold,

    /// <summary>Hidden (secondary): shown, it would let a hidden unit be recovered by differencing.</summary>
    Complementary,

    /// <summary>Hidden: its school received more submissions in the wave than its staff can give (open links; forged submissions suspected). Researchers keep the scores.</summary>
    Withheld,
}
