using System.Net;
using System.Security.Cryptography;
using System.Text;
using Monitoring.Functions.Hosting;

namespace Monitoring.Functions.Collection;

/// <summary>
/// Token-bucket limits per client address and per invitation token. Partition keys are keyed
/// hashes (a random key per process), so neither addresses nor tokens are kept, even in memory.
/// A rejected request costs its address <see cref="RateLimitOptions.RejectedCost"/> permits in all, into
/// debt if need be, so bad requests drain a client's budget that many times faster than good ones.
/// </summary>
public sealed class CollectionRateLimiter
{
    private readonly RateLimitOptions _options;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly TokenBuckets _byAddress;
    private readonly TokenBuckets _byToken;

    /// <summary>Creates the limiters.</summary>
    public CollectionRateLimiter(RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _byAddress = new TokenBuckets(options.PerAddressPerSecond);
        _byToken = new TokenBuckets(options.PerTokenPerSecond);
    }

    /// <summary>Takes a permit for the request's client address; false with a wait when it is used up.</summary>
    public bool TryAddress(HttpContext http, out TimeSpan? retryAfter) =>
        Try(_byAddress, Hash(Address(http)), _options.PerAddressBurst, out retryAfter);

    /// <summary>Takes a permit for <paramref name="token"/>, a link of a school of unknown size; false with a wait when it is used up.</summary>
    public bool TryToken(string token, out TimeSpan? retryAfter) => TryToken(token, null, out retryAfter);

    /// <summary>Takes a permit for <paramref name="token"/>, the link of a school with <paramref name="staff"/> staff members (its burst, <see cref="RateLimitOptions.TokenBurstFor"/>).</summary>
    public bool TryToken(string token, int? staff, out TimeSpan? retryAfter) =>
        Try(_byToken, Hash(token), _options.TokenBurstFor(staff), out retryAfter);

    /// <summary>
    /// Charges the request's address for a rejected request: <see cref="RateLimitOptions.RejectedCost"/> − 1
    /// permits beyond the one it took, into debt if the bucket has fewer.
    /// </summary>
    public void ChargeRejected(HttpContext http)
    {
        if (!_options.Enabled || _options.RejectedCost <= 1) return;
        _byAddress.Charge(Hash(Address(http)), _options.PerAddressBurst, _options.RejectedCost - 1);
    }

    private bool Try(TokenBuckets buckets, string key, int burst, out TimeSpan? retryAfter)
    {
        retryAfter = null;
        if (!_options.Enabled) return true;
        if (buckets.TryTake(key, burst, out var wait)) return true;
        retryAfter = wait;
        return false;
    }

    /// <summary>
    /// The client's address: the connection's, or behind <see cref="RateLimitOptions.ForwardedHops"/> trusted
    /// proxies the X-Forwarded-For entry the outermost one appended (counted from the right). What the client
    /// itself put in the header lies to the left of it and is never used.
    /// </summary>
    internal string Address(HttpContext http)
    {
        if (_options.TrustForwardedFor == true)
        {
            var entries = new List<string>();
            foreach (var header in http.Request.Headers["X-Forwarded-For"])
                if (header is not null)
                    foreach (var entry in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)) entries.Add(entry);
            if (entries.Count > 0)
            {
                var appended = entries[Math.Max(0, entries.Count - _options.ForwardedHops)];
                // Azure's front end appends the port: "203.0.113.7:51234" or "[2001:db8::1]:51234".
                if (IPEndPoint.TryParse(appended, out var endpoint)) return endpoint.Address.ToString();
                return appended;
            }
        }
        return http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    private string Hash(string key) => Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(key)), 0, 16);
}
