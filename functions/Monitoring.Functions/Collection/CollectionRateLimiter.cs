using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Monitoring.Functions.Hosting;

namespace Monitoring.Functions.Collection;

/// <summary>
/// Token-bucket limits per client address and per invitation token. Partition keys are keyed
/// hashes (a random key per process), so neither addresses nor tokens are kept, even in memory.
/// </summary>
public sealed class CollectionRateLimiter : IDisposable
{
    private readonly RateLimitOptions _options;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly PartitionedRateLimiter<string> _byAddress;
    private readonly PartitionedRateLimiter<string> _byToken;

    /// <summary>Creates the limiters.</summary>
    public CollectionRateLimiter(RateLimitOptions options)
    {
        _options = options;
        _byAddress = Create(options.PerAddressPerSecond, options.PerAddressBurst);
        _byToken = Create(options.PerTokenPerSecond, options.PerTokenBurst);
    }

    /// <summary>Takes a permit for the request's client address; false with a wait when it is used up.</summary>
    public bool TryAddress(HttpContext http, out TimeSpan? retryAfter) =>
        Try(_byAddress, Address(http), out retryAfter);

    /// <summary>Takes a permit for <paramref name="token"/>; false with a wait when it is used up.</summary>
    public bool TryToken(string token, out TimeSpan? retryAfter) => Try(_byToken, token, out retryAfter);

    /// <inheritdoc/>
    public void Dispose()
    {
        _byAddress.Dispose();
        _byToken.Dispose();
    }

    private bool Try(PartitionedRateLimiter<string> limiter, string key, out TimeSpan? retryAfter)
    {
        retryAfter = null;
        if (!_options.Enabled) return true;
        using var lease = limiter.AttemptAcquire(Hash(key));
        if (lease.IsAcquired) return true;
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        return false;
    }

    private string Address(HttpContext http)
    {
        if (_options.TrustForwardedFor && http.Request.Headers["X-Forwarded-For"].ToString() is { Length: > 0 } forwarded)
        {
            var first = forwarded.Split(',')[0].Trim();
            // Azure's front end appends the port: "203.0.113.7:51234" or "[2001:db8::1]:51234".
            if (IPEndPoint.TryParse(first, out var endpoint)) return endpoint.Address.ToString();
            return first;
        }
        return http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    private string Hash(string key) => Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(key)), 0, 16);

    private static PartitionedRateLimiter<string> Create(int perSecond, int burst) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
