namespace Monitoring.Profiles.Clustering;

/// <summary>
/// SplitMix64: a small, fast generator whose output is fixed by its seed on every platform and .NET
/// version (unlike <see cref="Random"/>, whose algorithm is not part of its contract).
/// </summary>
internal struct SeededRandom
{
    private ulong _state;

    public SeededRandom(ulong seed) => _state = seed;

    /// <summary>A generator for one purpose (<paramref name="stream"/>) and position, derived from the settings' seed.</summary>
    public static SeededRandom For(int seed, int stream, int a = 0, int b = 0) => new(Derive(seed, stream, a, b));

    /// <summary>A 31-bit seed for an ML.NET context, derived like <see cref="For"/>.</summary>
    public static int ContextSeed(int seed, int stream, int a = 0, int b = 0) => (int)(Derive(seed, stream, a, b) >> 33);

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="bound"/>).</summary>
    public int Next(int bound) => (int)((NextUInt64() >> 11) * (double)bound / (1UL << 53));

    /// <summary><paramref name="m"/> distinct indices of [0, <paramref name="n"/>), ascending (all of them when m ≥ n).</summary>
    public int[] Sample(int n, int m)
    {
        if (m >= n) return Enumerable.Range(0, n).ToArray();
        var pool = Enumerable.Range(0, n).ToArray();
        for (var i = 0; i < m; i++)
        {
            var j = i + Next(n - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        var sample = pool[..m];
        Array.Sort(sample);
        return sample;
    }

    private static ulong Derive(int seed, int stream, int a, int b)
    {
        var state = new SeededRandom(unchecked((ulong)seed));
        var h = state.NextUInt64();
        foreach (var part in (ReadOnlySpan<int>)[stream, a, b])
            h = new SeededRandom(h ^ unchecked((ulong)(uint)part)).NextUInt64();
        return h;
    }
}
