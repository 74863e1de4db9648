using Monitoring.Core.Studies;

namespace Monitoring.Core.Submissions;

/// <summary>
/// The questions of the self-generated linkage code, the same in every study and wave so that a
/// respondent's code matches across waves. Changing them breaks linkage with earlier waves.
/// </summary>
public static class LinkageQuestions
{
    /// <summary>The questions, in the order the page shows them and the hash input uses.</summary>
    public static IReadOnlyList<LinkageQuestion> All { get; } =
    [
        new("mother_initials",
            new LocalizedText("Eerste twee letters van de voornaam van je moeder", "First two letters of your mother's first name"),
            new LocalizedText("bv. AN voor Anna", "e.g. AN for Anna"),
            LinkageAnswerKind.Letters, 2, 0, 0),
        new("birth_day",
            new LocalizedText("De dag van de maand waarop je geboren bent", "The day of the month you were born on"),
            new LocalizedText("1 tot 31", "1 to 31"),
            LinkageAnswerKind.Number, 0, 1, 31),
        new("birthplace_initials",
            new LocalizedText("Eerste twee letters van je geboorteplaats", "First two letters of your place of birth"),
            new LocalizedText("bv. GE voor Gent", "e.g. GE for Ghent"),
            LinkageAnswerKind.Letters, 2, 0, 0),
    ];

    /// <summary>The question with <paramref name="id"/>, or null.</summary>
    public static LinkageQuestion? Find(string id) => All.FirstOrDefault(q => q.Id == id);
}
