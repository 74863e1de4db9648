namespace Monitoring.Profiles.Clustering;

/// <summary>
/// Agreement between two labellings of the same points, from their contingency table: the adjusted
/// Rand index (Hubert and Arabie, 1985) and, per cluster of the first, its best Jaccard similarity with
/// a cluster of the second (Hennig, 2007). Points whose label is negative in either labelling are ignored.
/// </summary>
internal sealed class PartitionAgreement
{
    private readonly int[] _table;
    private readonly int[] _rows;
    private readonly int[] _columns;
    private readonly int _k1;
    private readonly int _k2;
    private readonly int _n;

    public PartitionAgreement(ReadOnlySpan<int> first, int k1, ReadOnlySpan<int> second, int k2)
    {
        if (first.Length != second.Length) throw new ArgumentException("The labellings differ in length.", nameof(second));
        _k1 = k1;
        _k2 = k2;
        _table = new int[k1 * k2];
        _rows = new int[k1];
        _columns = new int[k2];
        for (var i = 0; i < first.Length; i++)
        {
            if (first[i] < 0 || second[i] < 0) continue;
            _table[first[i] * k2 + second[i]]++;
            _rows[first[i]]++;
            _columns[second[i]]++;
            _n++;
        }
    }

    /// <summary>
    /// The adjusted Rand index: (index − expected) / (maximum − expected) over pairs of points; 1 for
    /// identical partitions, about 0 for chance agreement. 1 when both partitions are trivial (all points
    /// in one cluster, or all apart, in both).
    /// </summary>
    public double AdjustedRandIndex()
    {
        double index = 0, rows = 0, columns = 0;
        foreach (var count in _table) index += Pairs(count);
        foreach (var count in _rows) rows += Pairs(count);
        foreach (var count in _columns) columns += Pairs(count);
        var expected = rows * columns / Pairs(_n);
        var maximum = (rows + columns) / 2;
        return maximum == expected ? 1 : (index - expected) / (maximum - expected);
    }

    /// <summary>
    /// For cluster <paramref name="cluster"/> of the first labelling, the largest Jaccard similarity
    /// |A ∩ B| / |A ∪ B| with any cluster B of the second; NaN when the cluster has no points here.
    /// </summary>
    public double BestJaccard(int cluster)
    {
        if (_rows[cluster] == 0) return double.NaN;
        var best = 0.0;
        for (var c = 0; c < _k2; c++)
        {
            var both = _table[cluster * _k2 + c];
            if (both == 0) continue;
            best = Math.Max(best, (double)both / (_rows[cluster] + _columns[c] - both));
        }
        return best;
    }

    public int FirstClusters => _k1;

    private static double Pairs(int n) => n * (n - 1.0) / 2;
}
