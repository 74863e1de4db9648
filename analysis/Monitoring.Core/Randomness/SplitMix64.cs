namespace Monitoring.Core.Randomness;

/// <summary>
/// A small, fast, seedable generator (Steele et al. 2014, SplitMix64) whose output is fixed by
/// its seed on every platform and .NET version (unlike <see cref="Random"/>, whose algorithm is not part
/// of its contract), so the same seed gives the same generated file and the same profiles byte for byte.
/// A struct, created where it is needed (per school and wave in the generator), so no state grows with the data.
/// </summary>
public struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>Mixes several values into one seed.</summary>
    public static ulong Seed(params ReadOnlySpan<long> parts)
    {
        var rng = new SplitMix64(0x9E3779B97F4A7C15UL);
        ulong h = 0;
        foreach (var part in parts)
        {
            rng._state ^= unchecked((ulong)part) + h;
            h = rng.NextUInt64();
        }
        return h;
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform whole number in [0, <paramref name="n"/>).</summary>
    public int Next(int n) => (int)(NextDouble() * n);

    /// <summary>Standard normal (Box–Muller; one of the pair is dropped for simplicity).</summary>
    public double NextNormal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;
}
