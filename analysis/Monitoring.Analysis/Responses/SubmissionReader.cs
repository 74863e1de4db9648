using System.Globalization;
using Monitoring.Core.Responses;
using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;

namespace Monitoring.Analysis.Responses;

/// <summary>
/// Reads stored submissions (file or blob store) into a <see cref="ResponseTable"/>, checking each
/// against the study with the rules of <see cref="ResponseRules"/> that <see cref="RawResponseReader"/> applies to CSV rows:
/// a submission from an older definition (a school, wave, role or item the study no longer has, a value outside
/// the range) is excluded with its problems, and so is a record that cannot be read at all (broken bytes, a newer
/// format), named by its file or blob. Readable submissions are ordered by wave, school, submission time and id,
/// then the unreadable records by name, so a run over a store gives the same outputs whatever order the store lists
/// them in; a problem's "row" is the record's 1-based position in that order plus one (as if row 1 were a header).
/// </summary>
public sealed class SubmissionReader(Study study)
{
    /// <summary>Reads every record of the study from <paramref name="store"/>.</summary>
    public async Task<RawResponses> ReadAsync(ISubmissionStore store, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var records = new List<StoredRecord>();
        await foreach (var record in store.ReadAllAsync(study.Id, cancellationToken).ConfigureAwait(false))
            records.Add(record);
        return Read(records, source);
    }

    /// <summary>Reads <paramref name="submissions"/> (any order).</summary>
    public RawResponses Read(IEnumerable<Submission> submissions, string source)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        return Read(submissions.Select(s => new StoredRecord(s.Id.Value, s, [])), source);
    }

    /// <summary>Reads <paramref name="records"/> (any order).</summary>
    public RawResponses Read(IEnumerable<StoredRecord> records, string source)
    {
        ArgumentNullException.ThrowIfNull(records);
        var waveIndex = study.Waves.Select((w, i) => (w.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var schoolIndex = study.Schools.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var roleIndex = study.Roles.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var itemIndex = study.Items.Select((item, i) => (item.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var all = records.ToList();
        var ordered = all.Where(r => r.Submission is not null).Select(r => r.Submission!)
            .OrderBy(s => waveIndex.GetValueOrDefault(s.Wave, int.MaxValue))
            .ThenBy(s => s.Wave.Value, StringComparer.Ordinal)
            .ThenBy(s => schoolIndex.GetValueOrDefault(s.School, int.MaxValue))
            .ThenBy(s => s.School.Value, StringComparer.Ordinal)
            .ThenBy(s => s.Submitted)
            .ThenBy(s => s.Id.Value, StringComparer.Ordinal)
            .ToList();
        var unreadable = all.Where(r => r.Submission is null).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var builder = new ResponseTableBuilder(study, hasReceived: true);
        var problems = new List<RowProblem>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var s = ordered[i];
            var row = i + 2;
            var id = s.Id.Value;
            var before = problems.Count;
            if (s.Study != study.Id)
                problems.Add(new RowProblem(ResponseProblemCodes.UnknownStudy, row, "study", s.Study.Value, $"Belongs to study '{s.Study}', not '{study.Id}'.", id));
            var knownWave = waveIndex.TryGetValue(s.Wave, out var wave);
            if (!knownWave)
                problems.Add(new RowProblem(ResponseProblemCodes.UnknownWave, row, "wave", s.Wave.Value, ResponseRules.UnknownReason("wave"), id));
            var knownSchool = schoolIndex.TryGetValue(s.School, out var school);
            if (!knownSchool)
                problems.Add(new RowProblem(ResponseProblemCodes.UnknownSchool, row, "school", s.School.Value, ResponseRules.UnknownReason("school"), id));
            if (!roleIndex.TryGetValue(s.Role, out var role))
                problems.Add(new RowProblem(ResponseProblemCodes.UnknownRole, row, "role", s.Role.Value, ResponseRules.UnknownReason("role"), id));
            if (!ResponseRules.IsLanguage(s.Language))
                problems.Add(new RowProblem(ResponseProblemCodes.UnknownLanguage, row, "language", s.Language, ResponseRules.LanguageReason, id));
            if (s.Submitted < s.Started)
                problems.Add(new RowProblem(ResponseProblemCodes.StartedAfterSubmitted, row, "submitted", s.Submitted.ToString("O", CultureInfo.InvariantCulture), ResponseRules.StartedAfterSubmittedReason, id));
            var included = knownWave ? study.Waves[wave].Instruments : null;
            foreach (var (item, value) in s.Answers.OrderBy(a => a.Key.Value, StringComparer.Ordinal))
            {
                var shown = value.ToString(CultureInfo.InvariantCulture);
                if (!itemIndex.TryGetValue(item, out var j))
                {
                    problems.Add(new RowProblem(ResponseProblemCodes.UnknownItem, row, item.Value, shown, ResponseRules.UnknownItemReason, id));
                    continue;
                }
                var definition = study.Items[j];
                if (included is not null && !included.Contains(definition.Instrument))
                    problems.Add(new RowProblem(ResponseProblemCodes.ItemNotInWave, row, item.Value, shown, ResponseRules.ItemNotInWaveReason(s.Wave.Value, definition.Instrument.Value), id));
                else if (ResponseRules.Answer(value, definition.Format) is { } code)
                    problems.Add(new RowProblem(code, row, item.Value, shown, ResponseRules.AnswerReason(code, definition.Format), id));
            }
            if (problems.Count > before)
            {
                // The cleaning log names the submission's school and wave when they are the study's.
                for (var p = before; p < problems.Count; p++)
                    problems[p] = problems[p] with { School = knownSchool ? s.School.Value : null, Wave = knownWave ? s.Wave.Value : null };
                continue;
            }
            builder.Add(i, id, school, wave, role, s.LinkageCode, s.Started, s.Submitted, s.Received, s.Language == "en" ? (byte)1 : (byte)0);
            foreach (var (item, value) in s.Answers) builder.SetAnswer(i, itemIndex[item], value);
        }
        for (var u = 0; u < unreadable.Count; u++)
        {
            var record = unreadable[u];
            var row = ordered.Count + u + 2;
            // The stores name a record {study}/{wave}/{school}/{id}.json after its own ids: the log takes them from there.
            var segments = record.Name.Split('/');
            var named = segments.Length == 4 && segments[0] == study.Id.Value && segments[3].EndsWith(".json", StringComparison.Ordinal);
            var wave = named && waveIndex.ContainsKey(new WaveId(segments[1])) ? segments[1] : null;
            var school = named && schoolIndex.ContainsKey(new SchoolId(segments[2])) ? segments[2] : null;
            var id = named && SubmissionId.IsWellFormed(segments[3][..^5]) ? segments[3][..^5] : null;
            foreach (var problem in record.Problems)
                problems.Add(new RowProblem(problem.Code, row, null, null,
                    problem.Field.Length == 0 ? $"record '{record.Name}': {problem.Message}" : $"record '{record.Name}', field '{problem.Field}': {problem.Message}",
                    id, school, wave));
        }
        return new RawResponses(builder.Build(ordered.Count + unreadable.Count), problems, ordered.Count + unreadable.Count, source);
    }
}
