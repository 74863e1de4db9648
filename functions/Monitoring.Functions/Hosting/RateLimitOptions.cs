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

    /// <summary>
    /// What a rejected request (any 4xx but 429: invalid, unknown link, too large, …) costs its address, in
    /// requests. Default 10: a client that sends bad requests gets a tenth of the rate of one that sends good ones.
    /// </summary>
    public int RejectedCost { get; set; } = 10;

    /// <summary>Requests per second one invitation link (one school) may sustain. Default 2.</summary>
    public int PerTokenPerSecond { get; set; } = 2;

    /// <summary>
    /// The burst one invitation link may send at once. 0 (the default) sizes it to the link's school:
    /// <see cref="PerStaffMember"/> × the school's staff size in the wave (organisation.json), at least
    /// <see cref="MinimumTokenBurst"/>; <see cref="UnknownStaffBurst"/> for a school without a staff size.
    /// </summary>
    public int PerTokenBurst { get; set; }

    /// <summary>Requests per staff member in a link's burst (opening, a language switch, submitting, a retry). Default 4.</summary>
    public int PerStaffMember { get; set; } = 4;

    /// <summary>The smallest burst of a link sized from its staff. Default 40.</summary>
    public int MinimumTokenBurst { get; set; } = 40;

    /// <summary>The burst of a link whose school has no staff size for the wave. Default 400 (a large secondary school).</summary>
    public int UnknownStaffBurst { get; set; } = 400;

    /// <summary>
    /// Whether the client address comes from X-Forwarded-For. Only behind a proxy that sets it (Azure's
    /// front end does); otherwise clients could pick their own. Default: on under the Functions host
    /// (where every request arrives from the host's loopback address), off standalone.
    /// </summary>
    public bool? TrustForwardedFor { get; set; }

    /// <summary>
    /// How many proxies in front of the app append to X-Forwarded-For. The client address is the entry
    /// the outermost of them appended: the <c>ForwardedHops</c>-th from the right. Entries to its left were
    /// sent by the client and are ignored. Default 1 (Azure's front end).
    /// </summary>
    public int ForwardedHops { get; set; } = 1;

    /// <summary>The burst of a link whose school has <paramref name="staff"/> staff members (null: unknown).</summary>
    public int TokenBurstFor(int? staff) =>
        PerTokenBurst > 0 ? PerTokenBurst
        : staff is { } n ? Math.Max(MinimumTokenBurst, (int)Math.Min(int.MaxValue, (long)PerStaffMember * n))
        : UnknownStaffBurst;

    internal IEnumerable<string> Problems()
    {
        if (PerAddressPerSecond < 1 || PerAddressBurst < 1 || PerTokenPerSecond < 1 || PerTokenBurst < 0
            || PerStaffMember < 1 || MinimumTokenBurst < 1 || UnknownStaffBurst < 1)
            yield return "Monitoring:RateLimits: every rate and burst must be at least 1 (PerTokenBurst 0 sizes links to their school; set Enabled to false to switch limits off).";
        if (RejectedCost < 1) yield return "Monitoring:RateLimits:RejectedCost must be at least 1.";
        if (ForwardedHops < 1) yield return "Monitoring:RateLimits:ForwardedHops must be at least 1 (the proxies in front of the app that append to X-Forwarded-For).";
    }
}
