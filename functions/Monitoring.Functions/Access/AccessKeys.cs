using System.Security.Cryptography;
using System.Text;
using Monitoring.Core.Studies;
using Monitoring.Functions.Hosting;

namespace Monitoring.Functions.Access;

/// <summary>
/// The configured download keys, held as SHA-256 hashes. A presented key is hashed and compared
/// with every configured hash in constant time, so neither timing nor early exit reveals anything.
/// </summary>
public sealed class AccessKeys
{
    private readonly (byte[] Hash, AccessGrant Grant)[] _keys;

    /// <summary>Creates the key ring from configuration (hashes only).</summary>
    public AccessKeys(IEnumerable<AccessKeyOptions> keys) =>
        _keys = keys.Select(k => (Convert.FromHexString(k.Sha256),
            new AccessGrant(k.Role == "researcher" ? AccessRole.Researcher : AccessRole.Coordinator,
                k.Role == "coordinator" ? new NetworkId(k.Network) : null))).ToArray();

    /// <summary>The hex SHA-256 of a key, as configured.</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The grant of the bearer key in <paramref name="request"/>, or null when there is none or it is unknown.</summary>
    public AccessGrant? Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));
        AccessGrant? grant = null;
        foreach (var (hash, g) in _keys)
            if (CryptographicOperations.FixedTimeEquals(hash, presented)) grant ??= g;
        return grant;
    }
}
