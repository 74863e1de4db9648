namespace Monitoring.Core.Submissions;

/// <summary>A freshly issued invitation: the secrets for the links file, and the record to keep server-side.</summary>
/// <param name="Token">The secret questionnaire token, for the staff's link only.</param>
/// <param name="StatusToken">The secret status token, for the school contact's status link only.</param>
/// <param name="Codes">For a closed-access wave: the school's single-use access codes in display form; empty otherwise.</param>
/// <param name="Invitation">The server-side record (holds only hashes).</param>
public sealed record IssuedInvitation(string Token, string StatusToken, IReadOnlyList<string> Codes, Invitation Invitation);
