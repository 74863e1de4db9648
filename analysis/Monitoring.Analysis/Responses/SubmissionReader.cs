using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;

namespace Monitoring.Analysis.Responses;

/// <summary>
/// Reads stored submissions (file or blob store) into a <see cref="ResponseTable"/>, checking each
/// against the study as <see cref="RawResponseReader"/> checks CSV rows: a submission from an older
/// definition (a school, wave, role or item the study no longer has, a value outside the range) is
/// excluded with its problems. Submissions are ordered by wave, school, submission time and id, so a
/// run over a store gives the same outputs whatever order the store lists them in; a problem's "row"
/// is the submission's 1-based position in that order plus one (as if row 1 were a header).
/// </summary>
public sealed class SubmissionReader(Study study)
{
    /// <summary>Reads every submission of the study from <paramref name="store"/>.</summary>
    public async Task<RawResponses> ReadAsync(ISubmissionStore store, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var submissions = new List<Submission>();
        await foreach (var submission in store.ReadAllAsync(study.Id, cancellationToken).ConfigureAwait(false))
            submissions.Add(submission);
        return Read(submissions, source);
    }

    /// <summary>Reads <paramref name="submissions"/> (any order).</summary>
    public RawResponses Read(IEnumerable<Submission> submissions, string source)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        var waveIndex = study.Waves.Select((w, i) => (w.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var schoolIndex = study.Schools.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var roleIndex = study.Roles.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var itemIndex = study.Items.Select((item, i) => (item.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var ordered = submissions
            .OrderBy(s => waveIndex.GetValueOrDefault(s.Wave, int.MaxValue))
            .ThenBy(s => s.Wave.Value, StringComparer.Ordinal)
            .ThenBy(s => schoolIndex.GetValueOrDefault(s.School, int.MaxValue))
            .ThenBy(s => s.School.Value, StringComparer.Ordinal)
            .ThenBy(s => s.Submitted)
            .ThenBy(s => s.Id.Value, StringComparer.Ordinal)
            .ToList();
        var builder = new ResponseTableBuilder(study);
        var problems = new List<RowProblem>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var s = ordered[i];
            var row = i + 2;
            var id = s.Id.Value;
            var before = problems.Count;
            if (s.Study != study.Id)
                problems.Add(new RowProblem(row, "study", s.Study.Value, $"Belongs to study '{s.Study}', not '{study.Id}'.", id));
            var knownWave = waveIndex.TryGetValue(s.Wave, out var wave);
            if (!knownWave)
                problems.Add(new RowProblem(row, "wave", s.Wave.Value, "Unknown wave: the study does not define it.", id));
            var knownSchool = schoolIndex.TryGetValue(s.School, out var school);
            if (!knownSchool)
                problems.Add(new RowProblem(row, "school", s.School.Value, "Unknown school: the study does not define it.", id));
            if (!roleIndex.TryGetValue(s.Role, out var role))
                problems.Add(new RowProblem(row, "role", s.Role.Value, "Unknown role: the study does not define it.", id));
            if (s.Language is not ("nl" or "en"))
                problems.Add(new RowProblem(row, "language", s.Language, "The language is 'nl' or 'en'.", id));
            if (s.Submitted < s.Started)
                problems.Add(new RowProblem(row, "submitted", s.Submitted.ToString("O"), "Submitted before it was started.", id));
            var included = problems.Count == before ? study.Waves[wave].Instruments : null;
            foreach (var (item, value) in s.Answers.OrderBy(a => a.Key.Value, StringComparer.Ordinal))
            {
                if (!itemIndex.TryGetValue(item, out var j))
                    problems.Add(new RowProblem(row, item.Value, value.ToString(System.Globalization.CultureInfo.InvariantCulture), "Unknown item: the study does not define it.", id));
                else if (!study.Items[j].Format.Allows(value))
                    problems.Add(new RowProblem(row, item.Value, value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        $"Outside the item's range: a whole number from {study.Items[j].Format.Min} to {study.Items[j].Format.Max}.", id));
                else if (included is not null && !included.Contains(study.Items[j].Instrument))
                    problems.Add(new RowProblem(row, item.Value, value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        $"Wave '{s.Wave}' does not include instrument '{study.Items[j].Instrument}'.", id));
            }
            if (problems.Count > before)
            {
                // The cleaning log names the submission's school and wave when they are the study's.
                for (var p = before; p < problems.Count; p++)
                    problems[p] = problems[p] with { School = knownSchool ? s.School.Value : null, Wave = knownWave ? s.Wave.Value : null };
                continue;
            }
            builder.Add(i, id, school, wave, role, s.LinkageCode, s.Started, s.Submitted, s.Language == "en" ? (byte)1 : (byte)0);
            foreach (var (item, value) in s.Answers) builder.SetAnswer(i, itemIndex[item], value);
        }
        return new RawResponses(builder.Build(ordered.Count), problems, ordered.Count, source);
    }
}
