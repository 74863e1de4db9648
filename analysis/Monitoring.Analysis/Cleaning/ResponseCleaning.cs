using System.Collections.Concurrent;
using System.Globalization;
using Monitoring.Analysis.Responses;
using Monitoring.Core.Settings;

namespace Monitoring.Analysis.Cleaning;

/// <summary>
/// Applies the study's cleaning rules (docs/methods.md, "Cleaning") to a table of readable responses:
/// outside window, then duplicates, then too incomplete, speeders and straight-liners. Each rule can be
/// switched off in the study's analysis settings. Never throws on bad data; every exclusion is returned.
/// </summary>
public static class ResponseCleaning
{
    /// <summary>Which rows are kept (<c>true</c>) and the exclusions, in source-row order.</summary>
    public static CleaningResult Apply(ResponseTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var study = table.Study;
        var settings = study.Analysis.Cleaning;
        var n = table.Count;
        var kept = new bool[n];
        Array.Fill(kept, true);
        var rule = new CleaningRule?[n];
        var detail = new string?[n];

        void Exclude(int row, CleaningRule why, string text)
        {
            kept[row] = false;
            rule[row] = why;
            detail[row] = text;
        }

        // Every rule but duplicates judges a row on its own, so rows are split over the cores.
        var ranges = Partitioner.Create(0, n, Math.Max(4096, (n / (4 * Environment.ProcessorCount)) + 1));
        if (settings.OutsideWindow)
            Parallel.ForEach(ranges, range =>
            {
                for (var r = range.Item1; r < range.Item2; r++)
                {
                    var wave = study.Waves[table.Waves[r]];
                    if (!wave.IsOpenAt(table.Submitted[r]))
                        Exclude(r, CleaningRule.OutsideWindow,
                            $"submitted {table.Submitted[r]:yyyy-MM-dd'T'HH:mm:sszzz}; window {wave.Opens:yyyy-MM-dd'T'HH:mm:sszzz} to {wave.Closes:yyyy-MM-dd'T'HH:mm:sszzz}");
                }
            });

        if (settings.Duplicates)
        {
            var ids = table.ResponseIds;
            var linkage = table.Linkage;
            var idHash = new int[n];
            var personHash = new int[n];
            Parallel.ForEach(ranges, range =>
            {
                for (var r = range.Item1; r < range.Item2; r++)
                {
                    idHash[r] = Hash(ids.Bytes(r));
                    if (!linkage.IsNull(r)) personHash[r] = HashCode.Combine(Hash(linkage.Bytes(r)), table.Schools[r], table.Waves[r]);
                }
            });
            // Same response id: keep the last submitted (ties: the later row).
            var byId = new Dictionary<int, int>(n, new RowKey(idHash, (a, b) => ids.Bytes(a).SequenceEqual(ids.Bytes(b))));
            for (var r = 0; r < n; r++)
            {
                if (!kept[r]) continue;
                if (byId.TryGetValue(r, out var other))
                {
                    var (loser, winner) = Later(table, other, r) ? (r, other) : (other, r);
                    Exclude(loser, CleaningRule.Duplicate, $"same response id as row {table.SourceRows[winner]}, which was submitted later");
                    byId[r] = winner;
                }
                else byId[r] = r;
            }
            // Same person (linkage code) in the same school and wave.
            var byPerson = new Dictionary<int, int>(new RowKey(personHash,
                (a, b) => table.Schools[a] == table.Schools[b] && table.Waves[a] == table.Waves[b] && linkage.Bytes(a).SequenceEqual(linkage.Bytes(b))));
            for (var r = 0; r < n; r++)
            {
                if (!kept[r] || linkage.IsNull(r)) continue;
                if (byPerson.TryGetValue(r, out var other))
                {
                    var (loser, winner) = Later(table, other, r) ? (r, other) : (other, r);
                    Exclude(loser, CleaningRule.Duplicate, $"same linkage code, school and wave as row {table.SourceRows[winner]}, which was submitted later");
                    byPerson[r] = winner;
                }
                else byPerson[r] = r;
            }
        }

        var items = study.Items;
        var answers = table.Answers;
        var waveItems = study.Waves.Select(w => items.Select((item, j) => (item, j)).Where(p => w.Instruments.Contains(p.item.Instrument)).Select(p => p.j).ToArray()).ToArray();
        // The batteries a straight-liner is judged on: each instrument that has reverse-keyed items.
        var batteries = study.Instruments
            .Where(i => i.Items.Any(item => item.IsReverseKeyed))
            .Select(i => (Instrument: i.Id, Items: items.Select((item, j) => (item, j)).Where(p => p.item.Instrument == i.Id).Select(p => p.j).ToArray()))
            .ToArray();
        var batteryInWave = study.Waves.Select(w => batteries.Select(b => w.Instruments.Contains(b.Instrument)).ToArray()).ToArray();
        Parallel.ForEach(ranges, range =>
        {
            for (var r = range.Item1; r < range.Item2; r++)
            {
                if (!kept[r]) continue;
                var wave = table.Waves[r];
                var answered = 0;
                foreach (var j in waveItems[wave])
                    if (!float.IsNaN(answers.Value(r, j))) answered++;
                var total = waveItems[wave].Length;
                if (settings.Incomplete && answered < settings.MinAnsweredShare * total)
                {
                    Exclude(r, CleaningRule.Incomplete, $"{answered} of {total} items answered (minimum share {Text(settings.MinAnsweredShare)})");
                    continue;
                }
                var seconds = (table.Submitted[r] - table.Started[r]).TotalSeconds;
                if (settings.Speeders && answered > 0 && seconds / answered < settings.MinSecondsPerItem)
                {
                    Exclude(r, CleaningRule.Speeder, $"{Text(seconds)} s for {answered} items = {Text(seconds / answered)} s per item (minimum {Text(settings.MinSecondsPerItem)})");
                    continue;
                }
                if (settings.StraightLiners)
                    for (var b = 0; b < batteries.Length; b++)
                    {
                        if (!batteryInWave[wave][b]) continue;
                        var (instrument, battery) = batteries[b];
                        var count = 0;
                        var first = float.NaN;
                        var same = true;
                        foreach (var j in battery)
                        {
                            var v = answers.Value(r, j);
                            if (float.IsNaN(v)) continue;
                            if (count++ == 0) first = v;
                            else if (v != first) { same = false; break; }
                        }
                        if (same && count >= settings.StraightLineMinItems)
                        {
                            Exclude(r, CleaningRule.StraightLiner, $"answered {Text(first)} to all {count} answered items of '{instrument}', which has reverse-keyed items (minimum {settings.StraightLineMinItems})");
                            break;
                        }
                    }
            }
        });

        var exclusions = new List<Exclusion>();
        for (var r = 0; r < n; r++)
            if (!kept[r])
                exclusions.Add(new Exclusion(table.SourceRows[r], table.ResponseIds[r], study.Schools[table.Schools[r]].Id.Value,
                    study.Waves[table.Waves[r]].Id.Value, rule[r]!.Value, detail[r]!));
        return new CleaningResult(kept, exclusions);
    }

    /// <summary>Whether row <paramref name="a"/> was submitted after row <paramref name="b"/> (ties: the later row wins).</summary>
    private static bool Later(ResponseTable table, int a, int b) =>
        table.Submitted[a] > table.Submitted[b] || (table.Submitted[a] == table.Submitted[b] && a > b);

    private static int Hash(ReadOnlySpan<byte> text)
    {
        var hash = default(HashCode);
        hash.AddBytes(text);
        return hash.ToHashCode();
    }

    /// <summary>Compares rows by a key: its hash, computed beforehand for every row, and its equality.</summary>
    private sealed class RowKey(int[] hashes, Func<int, int, bool> equal) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => x == y || (hashes[x] == hashes[y] && equal(x, y));

        public int GetHashCode(int obj) => hashes[obj];
    }

    private static string Text(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);
}
