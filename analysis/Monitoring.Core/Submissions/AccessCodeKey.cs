using System.Security.Cryptography;
using System.Text;

namespace Monitoring.Core.Submissions;

/// <summary>
/// The key of the access codes' hashes: derived from the study's linkage secret (HMAC-SHA256 with
/// a fixed label), so the stored code hashes are HMAC-SHA256 values that cannot be enumerated
/// without the secret, which stays in the app's settings and never in the store.
/// </summary>
public sealed class AccessCodeKey
{
    private static readonly byte[] Label = Encoding.UTF8.GetBytes("monitoring/access-code-key/v1");

    private readonly byte[] _key;

    /// <summary>Derives the key from the linkage secret.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the secret is shorter than <see cref="LinkageKey.MinimumSecretBytes"/>.</exception>
    public AccessCodeKey(ReadOnlySpan<byte> linkageSecret)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(linkageSecret.Length, LinkageKey.MinimumSecretBytes, nameof(linkageSecret));
        _key = HMACSHA256.HashData(linkageSecret, Label);
    }

    /// <summary>The lower-case hex HMAC-SHA256 of a code's canonical form, or null when <paramref name="typed"/> is not a code (<see cref="AccessCode.Normalize"/>).</summary>
    public string? Hash(string? typed) =>
        AccessCode.Normalize(typed) is { } code ? Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(code))) : null;
}
