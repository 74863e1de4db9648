using Monitoring.Core.Studies;

namespace Monitoring.Core.Submissions;

/// <summary>Issues one invitation per school for a wave, each with a new random token.</summary>
public static class InvitationIssuer
{
    /// <summary>New invitations for every school of <paramref name="study"/> in <paramref name="wave"/>, in the study's school order.</summary>
    /// <exception cref="ArgumentException">When <paramref name="wave"/> is not a wave of the study.</exception>
    public static IReadOnlyList<IssuedInvitation> Issue(Study study, WaveId wave)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (study.FindWave(wave) is null)
            throw new ArgumentException($"Wave '{wave}' is not a wave of study '{study.Id}'; use one of: {string.Join(", ", study.Waves.Select(w => w.Id))}.", nameof(wave));
        return study.Schools
            .Select(school =>
            {
                var token = InvitationToken.Create();
                return new IssuedInvitation(token, new Invitation(wave, school.Id, InvitationToken.Hash(token)));
            })
            .ToArray();
    }
}
