using System.Collections;
using Monitoring.Analysis.Statistics;
using Monitoring.Core.Results;

namespace Monitoring.Analysis.Aggregation;

/// <summary>
/// The change estimates of an <see cref="AggregateTable"/> (unit by unit, then scale, then pair of waves), holding
/// only each comparison's interval and effect size: a record is made when it is read, from the table's moments.
/// Half a million records would keep 80 MB alive through the whole batch; the writers and the reports read
/// each once.
/// </summary>
internal sealed class ChangeList(AggregateTable table, (AggregateLevel Level, int Unit)[] units, (int From, int To)[] pairs, ChangeList.Interval[] intervals)
    : IReadOnlyList<ChangeEstimate>
{
    private readonly int _perScale = pairs.Length;
    private readonly int _perUnit = pairs.Length * table.Study.Scales.Count;

    public int Count => intervals.Length;

    public ChangeEstimate this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var unit = index / _perUnit;
            var within = index % _perUnit;
            return table.ChangeAt(units[unit], pairs[within % _perScale], within / _perScale, intervals[index]);
        }
    }

    public IEnumerator<ChangeEstimate> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// A comparison's Welch interval and Cohen's d, its panel estimate (<see cref="Statistics.OverlappingChange"/>) and the
    /// paired change of its linked respondents (NaN where undefined; unused for suppressed comparisons).
    /// </summary>
    internal readonly record struct Interval(double Lower, double Upper, double CohensD)
    {
        public OverlappingChange Panel { get; init; }

        /// <summary>The paired change; null when fewer pairs than the privacy threshold took part.</summary>
        public PairedChange? Paired { get; init; }

        /// <summary>Whether the linked pairs' count may be shown (the disclosure rule on pair counts).</summary>
        public bool PairsShown { get; init; }
    }
}
