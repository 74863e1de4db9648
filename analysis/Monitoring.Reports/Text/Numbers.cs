using System.Globalization;

namespace Monitoring.Reports.Text;

/// <summary>
/// Number formats of one report language: nl-BE in Dutch (decimal comma, "64 %"), invariant in English.
/// Negative numbers get a true minus sign.
/// </summary>
internal sealed class Numbers
{
    private readonly bool _dutch;

    private Numbers(CultureInfo culture, bool dutch)
    {
        Culture = culture;
        _dutch = dutch;
    }

    public static Numbers Dutch { get; } = new(CultureInfo.GetCultureInfo("nl-BE"), true);

    public static Numbers English { get; } = new(CultureInfo.InvariantCulture, false);

    public static Numbers For(string language) => language == "en" ? English : Dutch;

    public CultureInfo Culture { get; }

    /// <summary>A mean, interval bound, difference, alpha or d: two decimals.</summary>
    public string Decimal(double value) => Minus(value.ToString("0.00", Culture));

    /// <summary>A difference with its sign: "+0,12", "−0,30".</summary>
    public string Signed(double value) => value > 0 ? "+" + Decimal(value) : Decimal(value);

    /// <summary>A tick label with <paramref name="decimals"/> decimals.</summary>
    public string Tick(double value, int decimals) =>
        Minus(value.ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), Culture));

    /// <summary>A count with thousands separators.</summary>
    public string Count(int value) => value.ToString("N0", Culture);

    /// <summary>A share in [0, ∞) as a whole percentage.</summary>
    public string Percent(double share) =>
        (share * 100).ToString("0", Culture) + (_dutch ? "\u00A0%" : "%");

    /// <summary>A confidence interval: "[3,31; 3,73]" in Dutch, "[3.31, 3.73]" in English.</summary>
    public string Interval(double lower, double upper) =>
        "[" + Decimal(lower) + (_dutch ? "; " : ", ") + Decimal(upper) + "]";

    private static string Minus(string text) => text.StartsWith('-') ? "\u2212" + text[1..] : text;
}
