using System.Security.Cryptography;
using System.Text;

namespace Monitoring.Core.Submissions;

/// <summary>
/// The secret in an invitation link: 192 random bits as 32 base64url characters. Only its
/// SHA-256 (<see cref="Hash"/>) is kept server-side; the token itself exists only in the links
/// file handed to the school's contact person.
/// </summary>
public static class InvitationToken
{
    /// <summary>The number of random bytes in a token (192 bits, above the 128 the design asks for).</summary>
    public const int RandomBytes = 24;

    /// <summary>The length of a token in characters.</summary>
    public const int Length = 32;

    /// <summary>A new random token from a cryptographic random generator.</summary>
    public static string Create() => Base64Url(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>The lower-case hex SHA-256 of <paramref name="token"/>, as kept server-side.</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>Whether <paramref name="token"/> has the form of a token (it may still be unknown).</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
