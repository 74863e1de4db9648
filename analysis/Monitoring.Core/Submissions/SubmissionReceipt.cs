using System.Security.Cryptography;
using System.Text;

namespace Monitoring.Core.Submissions;

/// <summary>
/// What the respondent gets back for a stored submission: the same every time the same
/// submission is acknowledged, because it is derived from the stored record only.
/// </summary>
/// <param name="SubmissionId">The submission's id.</param>
/// <param name="Received">When the server first accepted it.</param>
/// <param name="Code">A short code the respondent can note, e.g. <c>K3QX-7M2A-PZ9D</c> (Crockford base32 of a hash).</param>
public sealed record SubmissionReceipt(SubmissionId SubmissionId, DateTimeOffset Received, string Code)
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>The receipt of <paramref name="submission"/>.</summary>
    public static SubmissionReceipt For(Submission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{submission.Study}/{submission.Wave}/{submission.School}/{submission.Id}/{submission.Received.UtcTicks}"));
        var code = new StringBuilder(14);
        ulong bits = BitConverter.ToUInt64(hash, 0);
        for (var i = 0; i < 12; i++)
        {
            if (i > 0 && i % 4 == 0) code.Append('-');
            code.Append(Alphabet[(int)(bits & 31)]);
            bits >>= 5;
        }
        return new SubmissionReceipt(submission.Id, submission.Received, code.ToString());
    }
}
