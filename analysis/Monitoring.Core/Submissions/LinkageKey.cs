using System.Security.Cryptography;
using System.Text;

namespace Monitoring.Core.Submissions;

/// <summary>
/// The study secret that turns linkage answers into a linkage code: HMAC-SHA256 over the
/// normalised answers, so the same answers give the same code in every wave, while the code
/// reveals nothing without the secret. The secret never leaves the server.
/// </summary>
public sealed class LinkageKey
{
    /// <summary>The shortest secret accepted, in bytes.</summary>
    public const int MinimumSecretBytes = 32;

    private readonly byte[] _secret;

    /// <summary>Creates a key from <paramref name="secret"/>.</summary>
    /// <exception cref="ArgumentException">When the secret is shorter than <see cref="MinimumSecretBytes"/>.</exception>
    public LinkageKey(ReadOnlySpan<byte> secret)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(secret.Length, MinimumSecretBytes, nameof(secret));
        _secret = secret.ToArray();
    }

    /// <summary>
    /// The linkage code (64 lower-case hex digits) of answers already normalised by
    /// <see cref="LinkageQuestion.Normalize"/>, one per question of <see cref="LinkageQuestions.All"/>.
    /// </summary>
    /// <exception cref="ArgumentException">When an answer is missing.</exception>
    public string Code(IReadOnlyDictionary<string, string> normalizedAnswers)
    {
        ArgumentNullException.ThrowIfNull(normalizedAnswers);
        var input = new StringBuilder("linkage-v1");
        foreach (var question in LinkageQuestions.All)
        {
            if (!normalizedAnswers.TryGetValue(question.Id, out var answer))
                throw new ArgumentException($"The answer to '{question.Id}' is missing.", nameof(normalizedAnswers));
            input.Append('\u001f').Append(question.Id).Append('=').Append(answer);
        }
        return Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(input.ToString())));
    }
}
