using System.Collections.Concurrent;
using System.Diagnostics;

namespace Monitoring.Functions.Collection;

/// <summary>
/// Token buckets by partition key, refilled at a steady rate up to each bucket's burst. Unlike
/// System.Threading.RateLimiting's buckets, a charge may take a bucket below zero (down to minus its burst),
/// so a client that sends costly requests in parallel pays for every one of them and then waits off its debt.
/// Full buckets (idle partitions) are dropped now and then, so memory follows the active clients.
/// </summary>
internal sealed class TokenBuckets(double perSecond)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private long _nextSweep = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 30;

    /// <summary>Takes one token from <paramref name="key"/>'s bucket (created full with <paramref name="burst"/>); false with the wait until one is there.</summary>
    public bool TryTake(string key, int burst, out TimeSpan retryAfter)
    {
        var now = Stopwatch.GetTimestamp();
        SweepIfDue(now);
        var bucket = _buckets.GetOrAdd(key, static (_, b) => new Bucket(b), burst);
        lock (bucket)
        {
            bucket.Refill(now, perSecond);
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }
            retryAfter = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((1 - bucket.Tokens) / perSecond)));
            return false;
        }
    }

    /// <summary>Takes <paramref name="cost"/> more tokens from <paramref name="key"/>'s bucket, into debt if need be (at most its burst).</summary>
    public void Charge(string key, int burst, int cost)
    {
        var now = Stopwatch.GetTimestamp();
        var bucket = _buckets.GetOrAdd(key, static (_, b) => new Bucket(b), burst);
        lock (bucket)
        {
            bucket.Refill(now, perSecond);
            bucket.Tokens = Math.Max(bucket.Tokens - cost, -bucket.Burst);
        }
    }

    private void SweepIfDue(long now)
    {
        var due = Volatile.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + Stopwatch.Frequency * 30, due) != due) return;
        foreach (var (key, bucket) in _buckets)
        {
            lock (bucket)
            {
                bucket.Refill(now, perSecond);
                if (bucket.Tokens >= bucket.Burst) _buckets.TryRemove(key, out _);
            }
        }
    }

    private sealed class Bucket(int burst)
    {
        public int Burst { get; } = burst;
        public double Tokens { get; set; } = burst;
        private long _stamp = Stopwatch.GetTimestamp();

        public void Refill(long now, double perSecond)
        {
            var seconds = (double)(now - _stamp) / Stopwatch.Frequency;
            if (seconds <= 0) return;
            Tokens = Math.Min(Burst, Tokens + seconds * perSecond);
            _stamp = now;
        }
    }
}
