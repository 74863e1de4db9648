using System.Security.Cryptography;

namespace Monitoring.Core.Submissions;

/// <summary>
/// A single-use access code of a closed-access wave: 10 Crockford base32 characters (50 random
/// bits), shown as <c>K3QX7-M2APZ</c>. Typed input is forgiving: case, spaces and hyphens do not
/// matter, and O, I and L read as 0, 1 and 1. Only its keyed hash (<see cref="AccessCodeKey"/>) is
/// kept server-side.
/// </summary>
public static class AccessCode
{
    /// <summary>The number of characters, without the hyphen.</summary>
    public const int Length = 10;

    /// <summary>The random bits in a code: 5 per character.</summary>
    public const int Bits = Length * 5;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new code from a cryptographic random generator, in display form (<c>XXXXX-XXXXX</c>).</summary>
    public static string Create()
    {
        Span<char> chars = stackalloc char[Length + 1];
        var position = 0;
        for (var i = 0; i < Length; i++)
        {
            if (i == Length / 2) chars[position++] = '-';
            chars[position++] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return new string(chars);
    }

    /// <summary>
    /// The canonical form of a typed code (10 upper-case characters of the alphabet, no hyphen), or
    /// null when <paramref name="typed"/> cannot be a code.
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null || typed.Length > 32) return null;
        Span<char> chars = stackalloc char[Length];
        var count = 0;
        foreach (var c in typed)
        {
            if (c is '-' or ' ' or '\t') continue;
            var upper = char.ToUpperInvariant(c) switch { 'O' => '0', 'I' or 'L' => '1', var u => u };
            if (count == Length || Alphabet.IndexOf(upper) < 0) return null;
            chars[count++] = upper;
        }
        return count == Length ? new string(chars) : null;
    }
}
