using Monitoring.Core.Privacy;
using Monitoring.Core.Studies;

namespace Monitoring.Functions.Collection;

/// <summary>
/// The body of GET /api/status/{token} (the school contact's status token): the school's response
/// count and rate, both null (and <see cref="Suppressed"/> true) when the disclosure decision hides
/// the count. Never who answered.
/// </summary>
internal sealed record StatusView(
    QuestionnaireView.Named School,
    QuestionnaireView.WaveView Wave,
    bool IsOpen,
    int? Responses,
    int? Staff,
    double? Rate,
    bool Suppressed,
    int PrivacyThreshold)
{
    /// <summary>
    /// The status of <paramref name="school"/> from the live stored counts of every school of its network
    /// (<paramref name="networkCounts"/>, which holds the school itself too), by the reports' one disclosure rule
    /// (<see cref="DisclosureRule.DecideCounts"/>): the count is hidden below the privacy threshold, when hiding another
    /// school of the network needs it hidden too (complementary: the network's total is public in its report), and when
    /// the school has more submissions than its staff allow (withheld). <paramref name="language"/> is the wave name's ("nl" or "en").
    /// </summary>
    public static StatusView Of(Study study, Wave wave, School school, IReadOnlyDictionary<SchoolId, int> networkCounts, DateTimeOffset now, string language = "nl")
    {
        var threshold = study.Analysis.PrivacyThreshold;
        var schools = networkCounts.Keys.OrderBy(id => id.Value, StringComparer.Ordinal).ToArray();
        var counts = schools.Select(id => networkCounts[id]).ToArray();
        var withheld = schools.Select(id => study.Analysis.Privacy.Limit(study.FindSchool(id)?.StaffAt(wave.Id)) is { } limit && networkCounts[id] > limit).ToArray();
        var decision = DisclosureRule.DecideCounts(counts, threshold, withheld)[Array.IndexOf(schools, school.Id)];
        var count = networkCounts[school.Id];
        var suppressed = decision.IsHidden();
        var staff = school.StaffAt(wave.Id);
        return new StatusView(
            new QuestionnaireView.Named(school.Id.Value, school.Name),
            new QuestionnaireView.WaveView(wave.Id.Value, wave.Name.In(language), wave.Opens, wave.Closes),
            wave.IsOpenAt(now),
            suppressed ? null : count,
            staff,
            suppressed || staff is null ? null : Math.Round((double)count / staff.Value, 3),
            suppressed,
            threshold);
    }
}
