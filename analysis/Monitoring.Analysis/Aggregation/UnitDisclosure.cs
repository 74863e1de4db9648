using Monitoring.Analysis.Scoring;
using Monitoring.Analysis.Statistics;
using Monitoring.Core.Privacy;
using Monitoring.Core.Results;

namespace Monitoring.Analysis.Aggregation;

/// <summary>
/// The one disclosure decision per unit and wave (<see cref="DisclosureRule.Decide"/>), from the counts the outputs show:
/// each unit's kept responses and its valid scores on every scale, and the open-mode bound on submissions per school.
/// Every coordinator-facing table and page reads its decisions from here.
/// </summary>
internal sealed class UnitDisclosure
{
    private static readonly AggregateLevel[] Levels = [AggregateLevel.School, AggregateLevel.Network, AggregateLevel.Trajectory, AggregateLevel.All];

    private readonly Disclosure[][] _decisions; // [level][wave * units + unit]
    private readonly int[][] _responses; // [level][wave * units + unit]
    private readonly int[] _sizes;

    private UnitDisclosure(Disclosure[][] decisions, int[][] responses, int[] submissions, int[] sizes)
    {
        _decisions = decisions;
        _responses = responses;
        Submissions = submissions;
        _sizes = sizes;
    }

    /// <summary>[wave × schools + school]: every submission read (<see cref="SubmissionCounts"/>).</summary>
    public int[] Submissions { get; }

    public Disclosure Of(AggregateLevel level, int wave, int unit) => _decisions[(int)level][wave * _sizes[(int)level] + unit];

    /// <summary>Kept responses of a unit in a wave.</summary>
    public int Responses(AggregateLevel level, int wave, int unit) => _responses[(int)level][wave * _sizes[(int)level] + unit];

    /// <param name="scored">The kept responses.</param>
    /// <param name="units">The units.</param>
    /// <param name="moments">[level][scale][wave × units + unit], as <see cref="AggregateTable"/>.</param>
    /// <param name="submissions">[wave × schools + school]: every submission read.</param>
    public static UnitDisclosure Decide(ScoredResponses scored, UnitIndex units, Moments[][][] moments, int[] submissions)
    {
        var study = scored.Table.Study;
        var waves = study.Waves.Count;
        var scales = study.Scales.Count;
        var threshold = study.Analysis.PrivacyThreshold;
        var privacy = study.Analysis.Privacy;
        var sizes = Levels.Select(l => units.Ids[l].Length).ToArray();
        var schools = sizes[0];

        var responses = new int[Levels.Length][];
        responses[0] = new int[waves * schools];
        var schoolsOf = scored.Table.Schools;
        var wavesOf = scored.Table.Waves;
        foreach (var row in scored.Rows) responses[0][wavesOf[row] * schools + schoolsOf[row]]++;
        for (var l = 1; l < Levels.Length; l++)
        {
            responses[l] = new int[waves * sizes[l]];
            var parentOf = units.Parents(Levels[l - 1]);
            for (var w = 0; w < waves; w++)
                for (var c = 0; c < sizes[l - 1]; c++)
                    responses[l][w * sizes[l] + parentOf[c]] += responses[l - 1][w * sizes[l - 1] + c];
        }

        var parents = Levels.Take(Levels.Length - 1).Select(units.Parents).ToArray();
        var decisions = Levels.Select((_, l) => new Disclosure[waves * sizes[l]]).ToArray();
        var withheld = new bool[schools];
        for (var w = 0; w < waves; w++)
        {
            var wave = study.Waves[w].Id;
            for (var s = 0; s < schools; s++)
                withheld[s] = privacy.Limit(study.Schools[s].StaffAt(wave)) is { } limit && submissions[w * schools + s] > limit;
            var counts = new int[Levels.Length][][];
            for (var l = 0; l < Levels.Length; l++)
            {
                var size = sizes[l];
                counts[l] = new int[scales + 1][];
                counts[l][0] = responses[l].AsSpan(w * size, size).ToArray();
                for (var s = 0; s < scales; s++)
                {
                    var n = counts[l][s + 1] = new int[size];
                    var cells = moments[l][s];
                    for (var u = 0; u < size; u++) n[u] = cells[w * size + u].N;
                }
            }
            var decided = DisclosureRule.Decide(counts, parents, withheld, threshold);
            for (var l = 0; l < Levels.Length; l++) Array.Copy(decided[l], 0, decisions[l], w * sizes[l], sizes[l]);
        }
        return new UnitDisclosure(decisions, responses, submissions, sizes);
    }
}
