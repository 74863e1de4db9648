using Monitoring.Core.Studies;

namespace Monitoring.Core.Submissions;

/// <summary>Issues one invitation per school for a wave, each with a new random questionnaire token, status token and, in a closed-access wave, access codes.</summary>
public static class InvitationIssuer
{
    /// <summary>New invitations for every school of <paramref name="study"/> in <paramref name="wave"/>, in the study's school order.</summary>
    /// <param name="study">The study.</param>
    /// <param name="wave">The wave.</param>
    /// <param name="codesPerSchool">Access codes per school; must be at least 1 for a closed-access wave and 0 for an open one.</param>
    /// <param name="codeKey">The key of the codes' hashes; required when <paramref name="codesPerSchool"/> is above 0.</param>
    /// <exception cref="ArgumentException">When <paramref name="wave"/> is not a wave of the study, or the codes do not fit its access.</exception>
    public static IReadOnlyList<IssuedInvitation> Issue(Study study, WaveId wave, int codesPerSchool = 0, AccessCodeKey? codeKey = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        var w = study.FindWave(wave)
            ?? throw new ArgumentException($"Wave '{wave}' is not a wave of study '{study.Id}'; use one of: {string.Join(", ", study.Waves.Select(x => x.Id))}.", nameof(wave));
        ArgumentOutOfRangeException.ThrowIfNegative(codesPerSchool);
        if (w.Access == WaveAccess.Closed && codesPerSchool == 0)
            throw new ArgumentException($"Wave '{wave}' has closed access: issue at least one access code per school.", nameof(codesPerSchool));
        if (w.Access == WaveAccess.Open && codesPerSchool > 0)
            throw new ArgumentException($"Wave '{wave}' has open access: access codes would not be asked for.", nameof(codesPerSchool));
        if (codesPerSchool > 0) ArgumentNullException.ThrowIfNull(codeKey);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return study.Schools
            .Select(school =>
            {
                var token = InvitationToken.Create();
                var statusToken = InvitationToken.Create();
                var codes = new string[codesPerSchool];
                var hashes = new string[codesPerSchool];
                for (var i = 0; i < codesPerSchool; i++)
                {
                    do codes[i] = AccessCode.Create();
                    while (!seen.Add(hashes[i] = codeKey!.Hash(codes[i])!));
                }
                return new IssuedInvitation(token, statusToken, codes,
                    new Invitation(wave, school.Id, InvitationToken.Hash(token), InvitationToken.Hash(statusToken), hashes));
            })
            .ToArray();
    }
}
