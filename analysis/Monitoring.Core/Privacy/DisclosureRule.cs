namespace Monitoring.Core.Privacy;

/// <summary>
/// The one disclosure rule (docs/methods.md, "One disclosure decision"): it decides per unit and wave, for every
/// count the outputs show at once, which units coordinators, schools and status pages may see. The unit of
/// decision is the unit-wave as a whole: a hidden unit hides its response count and every scale, so no table,
/// scale family or page can show what another hides. Pure and cheap: it works on counts per unit, never on responses.
/// </summary>
public static class DisclosureRule
{
    /// <summary>
    /// Decides one wave over a hierarchy of units (schools, then their networks, trajectories, the study).
    /// </summary>
    /// <param name="counts">
    /// [level][measure][unit]: the counts a unit's outputs rest on. Measure 0 is its kept responses (participation);
    /// every further measure is its valid scores on one scale. A parent's counts are the sums of its children's.
    /// Every level has the same number of measures.
    /// </param>
    /// <param name="parents">[level][unit]: the index of each unit's parent at the next level; one array per level but the last.</param>
    /// <param name="withheld">Per unit of level 0 (schools): whether its results are withheld (more submissions than staff); null for none.</param>
    /// <param name="threshold">The privacy threshold (at least 1).</param>
    /// <returns>[level][unit]: the decision.</returns>
    /// <remarks>
    /// Primary: <see cref="Disclosure.Withheld"/> as given; <see cref="Disclosure.BelowThreshold"/> for fewer responses than
    /// the threshold or a measure with between 1 and threshold − 1. Secondary, per parent and measure, until nothing changes:
    /// a shown parent's hidden children that have counts must be none, or at least two that together hold at least the
    /// threshold (else parent minus shown children recovers one child or a small group); a hidden parent that has shown
    /// children with counts must keep at least the threshold in its hidden children (else its shown children recover it,
    /// and through it the small sibling it protects). Each violation hides the shown child with the smallest count on that
    /// measure (ties: the first), or, when no such child is left, the shown parent itself
    /// (<see cref="Disclosure.Complementary"/>).
    /// </remarks>
    /// <exception cref="ArgumentException">When the shapes disagree.</exception>
    public static Disclosure[][] Decide(IReadOnlyList<int[][]> counts, IReadOnlyList<int[]> parents, bool[]? withheld, int threshold) =>
        Decide(counts, parents, withheld, threshold, hidden: null);

    /// <summary>
    /// <see cref="Decide(IReadOnlyList{int[][]}, IReadOnlyList{int[]}, bool[], int)"/> with units already hidden by an
    /// earlier decision (<paramref name="hidden"/>, [level][unit]: e.g. the unit-waves hidden for their scores, when
    /// deciding a count derived from them such as the linked pairs of a change): they count as hidden children and parents.
    /// </summary>
    public static Disclosure[][] Decide(IReadOnlyList<int[][]> counts, IReadOnlyList<int[]> parents, bool[]? withheld, int threshold, bool[][]? hidden)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(parents);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        ArgumentOutOfRangeException.ThrowIfZero(counts.Count, nameof(counts));
        if (parents.Count != counts.Count - 1) throw new ArgumentException("One parent array per level but the last is needed.", nameof(parents));
        var levels = counts.Count;
        var measures = counts[0].Length;
        ArgumentOutOfRangeException.ThrowIfZero(measures, nameof(counts));
        var decisions = new Disclosure[levels][];
        for (var l = 0; l < levels; l++)
        {
            if (counts[l].Length != measures) throw new ArgumentException($"Level {l} has {counts[l].Length} measures, level 0 has {measures}.", nameof(counts));
            var size = counts[l][0].Length;
            if (l < levels - 1 && parents[l].Length != size) throw new ArgumentException($"Level {l} has {size} units but {parents[l].Length} parents.", nameof(parents));
            if (l == 0 && withheld is not null && withheld.Length != size) throw new ArgumentException("One withheld flag per unit of level 0 is needed.", nameof(withheld));
            var decided = decisions[l] = new Disclosure[size];
            for (var u = 0; u < size; u++)
                decided[u] = l == 0 && withheld is not null && withheld[u] ? Disclosure.Withheld
                    : hidden is not null && hidden[l][u] ? Disclosure.Complementary
                    : Primary(counts[l], u, threshold);
        }

        var children = new int[levels][][];
        for (var l = 1; l < levels; l++) children[l] = Children(parents[l - 1], counts[l][0].Length);
        bool changed;
        do
        {
            changed = false;
            for (var l = 1; l < levels; l++)
                for (var p = 0; p < children[l].Length; p++)
                    for (var m = 0; m < measures; m++)
                        changed |= Complement(children[l][p], counts[l - 1][m], decisions[l - 1], ref decisions[l][p], threshold);
        }
        while (changed);
        return decisions;
    }

    /// <summary>
    /// Decides one parent's children on one count each, the parent's total being public: e.g. the live response counts
    /// of a network's schools for the status page. The same rule as <see cref="Decide"/> with a single measure.
    /// </summary>
    /// <param name="counts">Each child's count (e.g. stored submissions of each school of the network in the wave).</param>
    /// <param name="threshold">The privacy threshold (at least 1).</param>
    /// <param name="withheld">Per child, whether it is withheld; empty for none.</param>
    /// <returns>Per child, in order: <see cref="Disclosure.Shown"/> or why not.</returns>
    public static Disclosure[] DecideCounts(ReadOnlySpan<int> counts, int threshold, ReadOnlySpan<bool> withheld = default)
    {
        if (!withheld.IsEmpty && withheld.Length != counts.Length) throw new ArgumentException("One withheld flag per child is needed.", nameof(withheld));
        var total = 0;
        foreach (var c in counts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(c, nameof(counts));
            total += c;
        }
        var levels = new[] { new[] { counts.ToArray() }, new[] { new[] { total } } };
        return Decide(levels, [new int[counts.Length]], withheld.IsEmpty ? null : withheld.ToArray(), threshold)[0];
    }

    private static Disclosure Primary(int[][] counts, int unit, int threshold)
    {
        if (counts[0][unit] < threshold) return Disclosure.BelowThreshold;
        for (var m = 1; m < counts.Length; m++)
            if (counts[m][unit] is > 0 and var c && c < threshold) return Disclosure.BelowThreshold;
        return Disclosure.Shown;
    }

    /// <summary>Applies the secondary rule to one parent on one measure; true when it hid anything.</summary>
    private static bool Complement(int[] children, int[] n, Disclosure[] childDecisions, ref Disclosure parent, int threshold)
    {
        var changed = false;
        while (true)
        {
            int hidden = 0, hiddenSum = 0, smallest = -1;
            foreach (var c in children)
            {
                if (n[c] == 0) continue;
                if (childDecisions[c] != Disclosure.Shown)
                {
                    hidden++;
                    hiddenSum += n[c];
                }
                else if (smallest < 0 || n[c] < n[smallest]) smallest = c;
            }
            var safe = parent != Disclosure.Shown
                ? smallest < 0 || hiddenSum >= threshold
                : hidden == 0 || (hidden >= 2 && hiddenSum >= threshold);
            if (safe) return changed;
            changed = true;
            if (smallest >= 0) childDecisions[smallest] = Disclosure.Complementary;
            else
            {
                parent = Disclosure.Complementary;
                return true;
            }
        }
    }

    private static int[][] Children(int[] parent, int parents)
    {
        var count = new int[parents];
        foreach (var p in parent) count[p]++;
        var children = new int[parents][];
        for (var p = 0; p < parents; p++) children[p] = new int[count[p]];
        var fill = new int[parents];
        for (var c = 0; c < parent.Length; c++) children[parent[c]][fill[parent[c]]++] = c;
        return children;
    }
}
