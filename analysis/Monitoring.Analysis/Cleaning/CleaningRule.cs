namespace Monitoring.Analysis.Cleaning;

/// <summary>
/// Why a response was excluded, in the order outputs list them. The rules are applied in the order docs/methods.md
/// states: invalid, outside window, incomplete, speeder, straight-liner, and duplicates last among the responses
/// still kept; the first that applies is logged.
/// </summary>
public enum CleaningRule
{
    /// <summary>The row could not be read against the study (unknown school, bad value, ...).</summary>
    Invalid,

    /// <summary>Submitted outside its wave's window.</summary>
    OutsideWindow,

    /// <summary>A repeat of a response with the same id, or of the same linked person in the same school and wave; the last submitted of the copies that pass every other rule is kept.</summary>
    Duplicate,

    /// <summary>Fewer than the set share of the wave's items answered.</summary>
    Incomplete,

    /// <summary>Fewer than the set number of seconds per answered item.</summary>
    Speeder,

    /// <summary>One identical answer to every answered item of a battery that has reverse-keyed items.</summary>
    StraightLiner,
}
