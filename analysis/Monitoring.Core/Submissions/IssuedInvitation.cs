namespace Monitoring.Core.Submissions;

/// <summary>A freshly issued invitation: the secret token for the links file, and the record to keep server-side.</summary>
/// <param name="Token">The secret token, to put in the link only.</param>
/// <param name="Invitation">The server-side record (holds only the token's hash).</param>
public sealed record IssuedInvitation(string Token, Invitation Invitation);
