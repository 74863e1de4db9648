using System.Runtime.CompilerServices;
using Monitoring.Analysis.Responses;
using Monitoring.Analysis.Scoring;
using Monitoring.Analysis.Statistics;
using Monitoring.Core.Results;

namespace Monitoring.Analysis.Aggregation;

/// <summary>
/// The linked respondents of the change estimates: a pair is one linkage code in one school with a kept response in
/// both waves of a comparison. A code that occurs twice in one wave of one school (the cleaning kept two) cannot be
/// told apart and links nothing there; a code in two schools is two people (or one who moved, whose two schools do
/// not compare the same thing). Higher levels pool the pairs of their schools. The kept responses are sorted by
/// (FNV-1a hash of the code's bytes, school), never by strings; a run of equal hashes is checked byte by byte.
/// </summary>
internal sealed class PanelPairs
{
    private readonly CoMoments[][][] _moments; // [level][scale][pair * units + unit]
    private readonly int[] _units;

    private PanelPairs(CoMoments[][][] moments, int[] units, int linked)
    {
        _moments = moments;
        _units = units;
        Linked = linked;
    }

    /// <summary>Linked respondents (codes with kept responses in at least two waves of one school).</summary>
    public int Linked { get; }

    /// <summary>The pairs of <paramref name="unit"/> on <paramref name="scale"/> in comparison <paramref name="pair"/>: x = earlier, y = later, both scores present.</summary>
    public CoMoments Of(AggregateLevel level, int scale, int pair, int unit) => _moments[(int)level][scale][(pair * _units[(int)level]) + unit];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PanelPairs Of(ScoredResponses scored, UnitIndex units, (int From, int To)[] pairs)
    {
        var table = scored.Table;
        var study = table.Study;
        var rows = scored.Rows;
        var waves = study.Waves.Count;
        var scales = study.Scales.Count;
        var schools = study.Schools.Count;
        var linkage = table.Linkage;

        var keys = new Key[rows.Length];
        var count = 0;
        for (var k = 0; k < rows.Length; k++)
        {
            var r = rows[k];
            if (linkage.IsNull(r)) continue;
            keys[count++] = new Key(Fnv(linkage.Bytes(r)), table.Schools[r], r);
        }
        Array.Sort(keys, 0, count);

        // The linked respondents' rows per wave, [person * waves + wave], −1 where absent.
        var people = new List<int>(count);
        var slot = new int[waves];
        for (var start = 0; start < count;)
        {
            var end = start + 1;
            while (end < count && keys[end].Hash == keys[start].Hash && keys[end].School == keys[start].School) end++;
            if (end - start >= 2)
            {
                if (SameBytes(linkage, keys, start, end)) Collect(table, keys, start, end, slot, people);
                else
                {
                    // A hash collision between different codes: sort the run by the codes themselves.
                    Array.Sort(keys, start, end - start, Comparer<Key>.Create((a, b) => linkage.Bytes(a.Row).SequenceCompareTo(linkage.Bytes(b.Row))));
                    for (var s = start; s < end;)
                    {
                        var e = s + 1;
                        while (e < end && linkage.Bytes(keys[e].Row).SequenceEqual(linkage.Bytes(keys[s].Row))) e++;
                        if (e - s >= 2) Collect(table, keys, s, e, slot, people);
                        s = e;
                    }
                }
            }
            start = end;
        }

        var persons = people.Count / waves;
        var levels = new CoMoments[4][][];
        var sizes = new int[4];
        for (var l = 0; l < 4; l++)
        {
            sizes[l] = units.Ids[(AggregateLevel)l].Length;
            levels[l] = new CoMoments[scales][];
        }
        var who = people.ToArray();
        Parallel.For(0, scales, s =>
        {
            var score = scored.Scores[s];
            var school = new CoMoments[pairs.Length * schools];
            for (var p = 0; p < persons; p++)
            {
                var at = p * waves;
                for (var q = 0; q < pairs.Length; q++)
                {
                    int a = who[at + pairs[q].From], b = who[at + pairs[q].To];
                    if (a < 0 || b < 0) continue;
                    float x = score[a], y = score[b];
                    if (float.IsNaN(x) || float.IsNaN(y)) continue;
                    ref var m = ref school[(q * schools) + table.Schools[a]];
                    m = m.Add(x, y);
                }
            }
            levels[0][s] = school;
            for (var l = 1; l < 4; l++)
            {
                var parents = units.Parents((AggregateLevel)(l - 1));
                var pooled = new CoMoments[pairs.Length * sizes[l]];
                for (var q = 0; q < pairs.Length; q++)
                    for (var c = 0; c < sizes[l - 1]; c++)
                    {
                        ref var target = ref pooled[(q * sizes[l]) + parents[c]];
                        target = CoMoments.Combine(target, levels[l - 1][s][(q * sizes[l - 1]) + c]);
                    }
                levels[l][s] = pooled;
            }
        });
        return new PanelPairs(levels, sizes, persons);
    }

    /// <summary>Adds the code of keys [start, end) as one person, unless it has two responses in one wave.</summary>
    private static void Collect(ResponseTable table, Key[] keys, int start, int end, int[] slot, List<int> people)
    {
        Array.Fill(slot, -1);
        for (var i = start; i < end; i++)
        {
            var w = table.Waves[keys[i].Row];
            if (slot[w] >= 0) return;
            slot[w] = keys[i].Row;
        }
        foreach (var row in slot) people.Add(row);
    }

    private static bool SameBytes(TextColumn linkage, Key[] keys, int start, int end)
    {
        var first = linkage.Bytes(keys[start].Row);
        for (var i = start + 1; i < end; i++)
            if (!linkage.Bytes(keys[i].Row).SequenceEqual(first)) return false;
        return true;
    }

    private static ulong Fnv(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }

    /// <summary>A kept response with a code: the code's hash, the school, the table row (which also breaks ties, so the sort is deterministic).</summary>
    private readonly record struct Key(ulong Hash, int School, int Row) : IComparable<Key>
    {
        public int CompareTo(Key other) =>
            Hash != other.Hash ? Hash.CompareTo(other.Hash) : School != other.School ? School.CompareTo(other.School) : Row.CompareTo(other.Row);
    }
}
