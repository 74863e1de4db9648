using Monitoring.Core.Studies;

namespace Monitoring.Core.Submissions;

/// <summary>The server-side record of one invitation link: which school and wave its token opens.</summary>
/// <param name="Wave">The wave; the token works only inside its window.</param>
/// <param name="School">The school whose staff the link is for.</param>
/// <param name="TokenHash">The lower-case hex SHA-256 of the questionnaire token (<see cref="InvitationToken.Hash"/>); never the token.</param>
/// <param name="StatusTokenHash">The SHA-256 of the school contact's status token, or null for a book written before status links existed.</param>
/// <param name="CodeHashes">For a closed-access wave: the keyed hashes (<see cref="AccessCodeKey.Hash"/>) of the school's access codes; empty otherwise.</param>
public sealed record Invitation(WaveId Wave, SchoolId School, string TokenHash, string? StatusTokenHash = null, IReadOnlyList<string>? CodeHashes = null);
