using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;

namespace Monitoring.Analysis.Statistics;

/// <summary>SIMD kernels over short <see cref="double"/> blocks: the inner loops of <see cref="CronbachAlpha"/>.</summary>
internal static class VectorMath
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Sum(ReadOnlySpan<double> x)
    {
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var acc = Vector<double>.Zero;
        foreach (var v in vx)
        {
            acc += v;
        }

        double sum = Vector.Sum(acc);
        for (int i = vx.Length * Vector<double>.Count; i < x.Length; i++)
        {
            sum += x[i];
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (y.Length != x.Length)
        {
            throw new ArgumentException("The spans must have the same length.", nameof(y));
        }

        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
        var acc0 = Vector<double>.Zero;
        var acc1 = Vector<double>.Zero;
        int i = 0;
        for (; i + 1 < vx.Length; i += 2)
        {
            acc0 += vx[i] * vy[i];
            acc1 += vx[i + 1] * vy[i + 1];
        }

        if (i < vx.Length)
        {
            acc0 += vx[i] * vy[i];
        }

        double sum = Vector.Sum(acc0 + acc1);
        for (int j = vx.Length * Vector<double>.Count; j < x.Length; j++)
        {
            sum += x[j] * y[j];
        }

        return sum;
    }

    /// <summary>
    /// The dot products of <paramref name="x"/> with four other vectors at once, loading x once per step.
    /// All spans have the same length, a multiple of <see cref="Vector{T}.Count"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dot4(
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> y0,
        ReadOnlySpan<double> y1,
        ReadOnlySpan<double> y2,
        ReadOnlySpan<double> y3,
        Span<double> into)
    {
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var v0 = MemoryMarshal.Cast<double, Vector<double>>(y0)[..vx.Length];
        var v1 = MemoryMarshal.Cast<double, Vector<double>>(y1)[..vx.Length];
        var v2 = MemoryMarshal.Cast<double, Vector<double>>(y2)[..vx.Length];
        var v3 = MemoryMarshal.Cast<double, Vector<double>>(y3)[..vx.Length];
        Vector<double> a0 = default, a1 = default, a2 = default, a3 = default;
        for (int i = 0; i < vx.Length; i++)
        {
            var xi = vx[i];
            a0 += xi * v0[i];
            a1 += xi * v1[i];
            a2 += xi * v2[i];
            a3 += xi * v3[i];
        }

        into[0] += Vector.Sum(a0);
        into[1] += Vector.Sum(a1);
        into[2] += Vector.Sum(a2);
        into[3] += Vector.Sum(a3);
    }
}
