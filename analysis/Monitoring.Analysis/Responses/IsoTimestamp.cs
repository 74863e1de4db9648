using System.Globalization;
using System.Text;

namespace Monitoring.Analysis.Responses;

/// <summary>Parses ISO 8601 date-times that carry an offset (or Z) from UTF-8, without allocating in the common case.</summary>
internal static class IsoTimestamp
{
    /// <summary>
    /// Parses "yyyy-MM-ddTHH:mm:ss±hh:mm" quickly, and any other ISO 8601 form with an offset
    /// (fractional seconds, Z) through <see cref="DateTimeOffset.TryParseExact(string, string[], IFormatProvider, DateTimeStyles, out DateTimeOffset)"/>.
    /// A date-time without an offset is rejected: its instant would be ambiguous.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length == 25 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' && s[16] == ':' && (s[19] == '+' || s[19] == '-') && s[22] == ':'
            && Digits(s, 0, 4, out var year) && Digits(s, 5, 2, out var month) && Digits(s, 8, 2, out var day)
            && Digits(s, 11, 2, out var hour) && Digits(s, 14, 2, out var minute) && Digits(s, 17, 2, out var second)
            && Digits(s, 20, 2, out var offsetHours) && Digits(s, 23, 2, out var offsetMinutes))
        {
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month) || hour > 23 || minute > 59 || second > 59
                || offsetHours > 14 || offsetMinutes > 59 || year < 1)
                return false;
            var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            value = new DateTimeOffset(year, month, day, hour, minute, second, s[19] == '-' ? -offset : offset);
            return true;
        }
        if (s.IsEmpty || s.Length > 40) return false;
        var text = Encoding.UTF8.GetString(s);
        // The literal 'Z' of the UTC formats is not a zone to the parser: without AssumeUniversal it would read local time.
        return DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = s[i] - '0';
            if ((uint)d > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }
}
