namespace Monitoring.Functions.Hosting;

/// <summary>
/// Token-bucket limits of the collection endpoints, per client address and per invitation token.
/// Addresses are only used as in-memory partition keys (keyed hashes), never stored or logged.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Whether the limits apply. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests per second one client address may sustain. Default 20 (a school behind one address).</summary>
    public int PerAddressPerSecond { get; set; } = 20;

    /// <summary>The burst one client address may send at once. Default 200.</summary>
    public int PerAddressBurst { get; set; } = 200;

    /// <summary>Requests per second one invitation token may sustain. Default 20.</summary>
    public int PerTokenPerSecond { get; set; } = 20;

    /// <summary>The burst one invitation token may send at once. Default 300 (a whole staff meeting).</summary>
    public int PerTokenBurst { get; set; } = 300;

    /// <summary>
    /// Whether the client address is the first entry of X-Forwarded-For. Turn on only behind a
    /// proxy that sets it (Azure Functions' front end does); otherwise clients could pick their own. Default false.
    /// </summary>
    public bool TrustForwardedFor { get; set; }

    internal IEnumerable<string> Problems()
    {
        if (PerAddressPerSecond < 1 || PerAddressBurst < 1 || PerTokenPerSecond < 1 || PerTokenBurst < 1)
            yield return "Monitoring:RateLimits: every rate and burst must be at least 1 (set Enabled to false to switch limits off).";
    }
}
