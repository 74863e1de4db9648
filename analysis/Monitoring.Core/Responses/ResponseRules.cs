using Monitoring.Core.Instruments;

namespace Monitoring.Core.Responses;

/// <summary>
/// The rules every response is checked with, whichever way it came in (collection API, stored
/// record, raw CSV row): the decisions and the messages, with the codes of <see cref="ResponseProblemCodes"/>.
/// The checks take spans and values, not objects, so that the CSV reader's loop over a million rows
/// calls them without allocating; a message is made only when there is a problem.
/// </summary>
public static class ResponseRules
{
    /// <summary>The longest time between the device's <c>started</c> and <c>submitted</c> that is believed: 24 hours.</summary>
    public static TimeSpan MaxQuestionnaireDuration { get; } = TimeSpan.FromHours(24);

    /// <summary>How far the device's <c>submitted</c> may lie from the server's <c>received</c>, either way, to be believed: 24 hours.</summary>
    public static TimeSpan DeviceClockTolerance { get; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The problem with <paramref name="value"/> as an answer on <paramref name="format"/>: null when it is allowed, else
    /// <see cref="ResponseProblemCodes.NotANumber"/> (NaN or infinite), <see cref="ResponseProblemCodes.NotAWholeNumber"/>
    /// or <see cref="ResponseProblemCodes.OutOfRange"/>.
    /// </summary>
    public static string? Answer(double value, ResponseFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (!double.IsFinite(value)) return ResponseProblemCodes.NotANumber;
        if (Math.Floor(value) != value) return ResponseProblemCodes.NotAWholeNumber;
        return value < format.Min || value > format.Max ? ResponseProblemCodes.OutOfRange : null;
    }

    /// <summary>The reason for an answer problem <paramref name="code"/> of <see cref="Answer"/>, for the cleaning log.</summary>
    public static string AnswerReason(string code, ResponseFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return code switch
        {
            ResponseProblemCodes.NotANumber => "Not a number.",
            ResponseProblemCodes.NotAWholeNumber => $"Not a whole number: a whole number from {format.Min} to {format.Max}.",
            ResponseProblemCodes.OutOfRange => $"Outside the item's range: a whole number from {format.Min} to {format.Max}.",
            _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not an answer problem code."),
        };
    }

    /// <summary>Whether <paramref name="language"/> (UTF-8) is a questionnaire language: "nl" or "en".</summary>
    public static bool IsLanguage(ReadOnlySpan<byte> language) => language.SequenceEqual("nl"u8) || language.SequenceEqual("en"u8);

    /// <summary>Whether <paramref name="language"/> is a questionnaire language: "nl" or "en".</summary>
    public static bool IsLanguage(string? language) => language is "nl" or "en";

    /// <summary>The reason for <see cref="ResponseProblemCodes.UnknownLanguage"/>.</summary>
    public const string LanguageReason = "The language is 'nl' or 'en'.";

    /// <summary>The reason for <see cref="ResponseProblemCodes.StartedAfterSubmitted"/>.</summary>
    public const string StartedAfterSubmittedReason = "Submitted before it was started.";

    /// <summary>The reason for <see cref="ResponseProblemCodes.UnknownItem"/>.</summary>
    public const string UnknownItemReason = "Unknown item: the study does not define it.";

    /// <summary>The reason for an unknown school, wave or role (<paramref name="what"/>: "school", "wave", "role").</summary>
    public static string UnknownReason(string what) => $"Unknown {what}: the study does not define it.";

    /// <summary>The reason for <see cref="ResponseProblemCodes.ItemNotInWave"/>.</summary>
    public static string ItemNotInWaveReason(string wave, string instrument) => $"Wave '{wave}' does not include instrument '{instrument}'.";

    /// <summary>
    /// Whether the device's clock can be believed for the speeder rule: <paramref name="submitted"/> − <paramref name="started"/>
    /// lies from 0 to <see cref="MaxQuestionnaireDuration"/>, and <paramref name="submitted"/> lies within
    /// <see cref="DeviceClockTolerance"/> of the server's <paramref name="received"/> (for a raw CSV without a
    /// <c>received</c> column, pass <paramref name="submitted"/>). When not, the response is judged on every rule but the speeder rule.
    /// </summary>
    public static bool DeviceTimesArePlausible(DateTimeOffset started, DateTimeOffset submitted, DateTimeOffset received)
    {
        var duration = submitted.UtcTicks - started.UtcTicks;
        var skew = submitted.UtcTicks - received.UtcTicks;
        return duration >= 0 && duration <= MaxQuestionnaireDuration.Ticks && Math.Abs(skew) <= DeviceClockTolerance.Ticks;
    }
}
