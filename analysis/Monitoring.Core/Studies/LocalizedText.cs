namespace Monitoring.Core.Studies;

/// <summary>A text in Dutch (required, the default language) and English (optional).</summary>
public sealed record LocalizedText
{
    /// <summary>Creates a text; <paramref name="nl"/> must not be empty.</summary>
    /// <exception cref="ArgumentException">When <paramref name="nl"/> is null or white space.</exception>
    public LocalizedText(string nl, string? en = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nl);
        Nl = nl;
        En = string.IsNullOrWhiteSpace(en) ? null : en;
    }

    /// <summary>The Dutch text.</summary>
    public string Nl { get; }

    /// <summary>The English text, or null when none was given.</summary>
    public string? En { get; }

    /// <summary>The text in <paramref name="language"/> ("nl" or "en"), falling back to Dutch.</summary>
    public string In(string language) =>
        string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) && En is not null ? En : Nl;

    /// <inheritdoc/>
    public override string ToString() => Nl;
}
