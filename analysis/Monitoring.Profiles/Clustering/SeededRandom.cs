using Monitoring.Core.Randomness;

namespace Monitoring.Profiles.Clustering;

/// <summary>
/// The profiles' random numbers: <see cref="SplitMix64"/>, fixed by its seed on every platform and .NET
/// version, with one generator per purpose and position derived from the settings' seed.
/// </summary>
internal struct SeededRandom
{
    private SplitMix64 _bits;

    public SeededRandom(ulong seed) => _bits = new SplitMix64(seed);

    /// <summary>A generator for one purpose (<paramref name="stream"/>) and position, derived from the settings' seed.</summary>
    public static SeededRandom For(int seed, int stream, int a = 0, int b = 0) => new(Derive(seed, stream, a, b));

    /// <summary>A 31-bit seed for an ML.NET context, derived like <see cref="For"/>.</summary>
    public static int ContextSeed(int seed, int stream, int a = 0, int b = 0) => (int)(Derive(seed, stream, a, b) >> 33);

    public ulong NextUInt64() => _bits.NextUInt64();

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => _bits.NextDouble();

    /// <summary>Uniform in [0, <paramref name="bound"/>).</summary>
    public int Next(int bound) => _bits.Next(bound);

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
        var h = new SplitMix64(unchecked((ulong)seed)).NextUInt64();
        foreach (var part in (ReadOnlySpan<int>)[stream, a, b])
            h = new SplitMix64(h ^ unchecked((ulong)(uint)part)).NextUInt64();
        return h;
    }
}
