using Monitoring.Core.Studies;

namespace Monitoring.Core.Submissions;

/// <summary>
/// One question of the self-generated linkage code: something only the respondent answers the
/// same way in every wave, never an identity. The answers are only kept as a keyed hash
/// (<see cref="LinkageKey"/>).
/// </summary>
/// <param name="Id">The question id, the field name under <c>linkage</c> in a submission.</param>
/// <param name="Text">The question as the page shows it.</param>
/// <param name="Hint">An example or format hint.</param>
/// <param name="Kind">Whether the answer is letters or a number.</param>
/// <param name="Length">For letters: exactly this many letters A–Z.</param>
/// <param name="Min">For numbers: the lowest allowed value.</param>
/// <param name="Max">For numbers: the highest allowed value.</param>
public sealed record LinkageQuestion(string Id, LocalizedText Text, LocalizedText Hint, LinkageAnswerKind Kind, int Length, int Min, int Max)
{
    /// <summary>
    /// The answer in its canonical form (letters upper-case without accents, numbers without
    /// leading zeros), or null when <paramref name="answer"/> does not fit the question.
    /// </summary>
    public string? Normalize(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var trimmed = answer.Trim();
        if (Kind == LinkageAnswerKind.Number)
            return int.TryParse(trimmed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= Min && n <= Max
                ? n.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : null;
        var letters = RemoveAccents(trimmed).ToUpperInvariant();
        return letters.Length == Length && letters.All(char.IsAsciiLetterUpper) ? letters : null;
    }

    /// <summary>What a valid answer looks like, for problem messages.</summary>
    public string Expectation => Kind == LinkageAnswerKind.Number ? $"a whole number from {Min} to {Max}" : $"exactly {Length} letters";

    private static string RemoveAccents(string text)
    {
        var decomposed = text.Normalize(System.Text.NormalizationForm.FormD);
        return new string(decomposed.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());
    }
}

/// <summary>The kind of answer a <see cref="LinkageQuestion"/> takes.</summary>
public enum LinkageAnswerKind
{
    /// <summary>A fixed number of letters.</summary>
    Letters,

    /// <summary>A whole number in a range.</summary>
    Number,
}
