namespace Monitoring.Analysis.Aggregation;

/// <summary>
/// Decides which aggregates coordinators may see (docs/methods.md, "Privacy"). Primary: a unit with
/// fewer valid scores than the threshold. Secondary (complementary): within each parent, the suppressed
/// children together must hold either no scores or at least the threshold; otherwise the parent's total
/// minus the shown children would reveal them, so the smallest shown child is suppressed too, until that holds.
/// </summary>
internal static class Suppression
{
    public const string BelowThreshold = "below threshold";
    public const string Complementary = "complementary";

    /// <summary>
    /// Fills <paramref name="reason"/> (null = shown) for children whose counts are <paramref name="n"/>,
    /// grouped by <paramref name="parent"/> (one index per child).
    /// </summary>
    public static void Apply(ReadOnlySpan<int> n, ReadOnlySpan<int> parent, int parents, int threshold, string?[] reason)
    {
        for (var i = 0; i < n.Length; i++)
            reason[i] = n[i] < threshold ? BelowThreshold : null;
        if (parents == 0) return;
        var hidden = new int[parents];
        for (var i = 0; i < n.Length; i++)
            if (reason[i] is not null) hidden[parent[i]] += n[i];
        List<int>[]? children = null;
        int[]? counts = null;
        for (var p = 0; p < parents; p++)
        {
            if (hidden[p] == 0 || hidden[p] >= threshold) continue;
            children ??= Children(parent, parents);
            counts ??= n.ToArray();
            HideSmallestShown(children[p], counts, threshold, reason, ref hidden[p]);
        }
    }

    /// <summary>
    /// Top-down complement of <see cref="Apply"/>: a suppressed parent that has scores must not be recoverable
    /// from its shown children either, so its suppressed children together must hold at least the threshold;
    /// until they do, the shown child with the smallest n is suppressed too (<see cref="Complementary"/>).
    /// Without this, a network hidden as complementary whose only school is shown would give away, through
    /// the trajectory's total, the small network it was meant to protect.
    /// </summary>
    public static void ApplyUnderSuppressedParents(ReadOnlySpan<int> n, ReadOnlySpan<int> parent, ReadOnlySpan<bool> parentSuppressed, int threshold, string?[] reason)
    {
        var parents = parentSuppressed.Length;
        var hidden = new int[parents];
        var total = new int[parents];
        for (var i = 0; i < n.Length; i++)
        {
            total[parent[i]] += n[i];
            if (reason[i] is not null) hidden[parent[i]] += n[i];
        }
        List<int>[]? children = null;
        int[]? counts = null;
        for (var p = 0; p < parents; p++)
        {
            if (!parentSuppressed[p] || hidden[p] >= threshold || hidden[p] == total[p]) continue;
            children ??= Children(parent, parents);
            counts ??= n.ToArray();
            HideSmallestShown(children[p], counts, threshold, reason, ref hidden[p]);
        }
    }

    /// <summary>Suppresses the shown children with scores, smallest first (ties by position), until the hidden count reaches the threshold.</summary>
    private static void HideSmallestShown(List<int> children, int[] counts, int threshold, string?[] reason, ref int hidden)
    {
        foreach (var i in children.OrderBy(i => counts[i]).ThenBy(i => i))
        {
            if (hidden >= threshold) break;
            if (reason[i] is not null || counts[i] == 0) continue;
            reason[i] = Complementary;
            hidden += counts[i];
        }
    }

    private static List<int>[] Children(ReadOnlySpan<int> parent, int parents)
    {
        var children = new List<int>[parents];
        for (var p = 0; p < parents; p++) children[p] = [];
        for (var i = 0; i < parent.Length; i++) children[parent[i]].Add(i);
        return children;
    }
}
