using Monitoring.Core.Studies;

namespace Monitoring.Core.Submissions;

/// <summary>The server-side record of one invitation link: which school and wave its token opens.</summary>
/// <param name="Wave">The wave; the token works only inside its window.</param>
/// <param name="School">The school whose staff the link is for.</param>
/// <param name="TokenHash">The lower-case hex SHA-256 of the token (<see cref="InvitationToken.Hash"/>); never the token.</param>
public sealed record Invitation(WaveId Wave, SchoolId School, string TokenHash);
