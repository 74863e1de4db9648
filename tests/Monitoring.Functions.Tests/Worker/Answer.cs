namespace Monitoring.Functions.Tests.Worker;

/// <summary>One HTTP answer: status, headers (raw values, names case-insensitive) and body bytes.</summary>
internal sealed record Answer(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The headers whose values a client depends on.</summary>
    public static readonly string[] Compared =
    [
        "Content-Type", "Cache-Control", "ETag", "Content-Security-Policy", "Referrer-Policy", "X-Content-Type-Options",
        "Retry-After", "WWW-Authenticate", "Content-Disposition", "Location", "Pragma", "Expires",
    ];

    public static async Task<Answer> OfAsync(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.NonValidated) headers[name] = string.Join(", ", values);
        foreach (var (name, values) in response.Content.Headers.NonValidated) headers[name] = string.Join(", ", values);
        return new Answer((int)response.StatusCode, headers, await response.Content.ReadAsByteArrayAsync());
    }

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    public override string ToString() =>
        $"{Status} {string.Join("; ", Compared.Where(h => Header(h) is not null).Select(h => $"{h}: {Header(h)}"))}\n{System.Text.Encoding.UTF8.GetString(Body)}";
}
