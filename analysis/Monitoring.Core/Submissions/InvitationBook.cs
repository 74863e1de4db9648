using System.Collections.Frozen;
using System.Text.Json;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Submissions;

/// <summary>
/// All invitations of a study, as kept server-side: the artifact <see cref="ArtifactName"/>
/// (<c>invitations/{study}.json</c>), holding token hashes only. Format in docs/formats.md ("Collection API").
/// </summary>
public sealed class InvitationBook
{
    private readonly FrozenDictionary<string, Invitation> _byHash;
    private readonly FrozenDictionary<string, Invitation> _byStatusHash;
    private readonly FrozenSet<(string TokenHash, string CodeHash)> _codes;

    /// <summary>Creates a book.</summary>
    /// <exception cref="ArgumentException">When a token hash repeats (questionnaire and status tokens share one space), or an access code hash repeats within a wave.</exception>
    public InvitationBook(StudyId study, IReadOnlyList<Invitation> invitations)
    {
        ArgumentNullException.ThrowIfNull(invitations);
        Study = study;
        Invitations = invitations;
        var byHash = new Dictionary<string, Invitation>(StringComparer.Ordinal);
        var byStatusHash = new Dictionary<string, Invitation>(StringComparer.Ordinal);
        var codes = new HashSet<(string, string)>();
        var codesOfWave = new HashSet<(WaveId, string)>();
        foreach (var invitation in invitations)
        {
            if (!byHash.TryAdd(invitation.TokenHash, invitation))
                throw new ArgumentException($"Token hash {invitation.TokenHash} appears twice.", nameof(invitations));
            if (invitation.StatusTokenHash is { } status && !byStatusHash.TryAdd(status, invitation))
                throw new ArgumentException($"Status token hash {status} appears twice.", nameof(invitations));
            foreach (var code in invitation.CodeHashes ?? [])
                if (!codesOfWave.Add((invitation.Wave, code)) || !codes.Add((invitation.TokenHash, code)))
                    throw new ArgumentException($"Access code hash {code} appears twice in wave {invitation.Wave}.", nameof(invitations));
        }
        foreach (var status in byStatusHash.Keys)
            if (byHash.ContainsKey(status))
                throw new ArgumentException($"Status token hash {status} is also a questionnaire token hash.", nameof(invitations));
        _byHash = byHash.ToFrozenDictionary(StringComparer.Ordinal);
        _byStatusHash = byStatusHash.ToFrozenDictionary(StringComparer.Ordinal);
        _codes = codes.ToFrozenSet();
    }

    /// <summary>The study.</summary>
    public StudyId Study { get; }

    /// <summary>Every invitation, in file order.</summary>
    public IReadOnlyList<Invitation> Invitations { get; }

    /// <summary>The artifact name under which a study's book is kept.</summary>
    public static string ArtifactName(StudyId study) => $"invitations/{study.Value}.json";

    /// <summary>The invitation whose token is <paramref name="token"/>, or null.</summary>
    public Invitation? FindByToken(string token) => _byHash.GetValueOrDefault(InvitationToken.Hash(token));

    /// <summary>The invitation whose status token (the school contact's) is <paramref name="token"/>, or null; a questionnaire token is not a status token.</summary>
    public Invitation? FindByStatusToken(string token) => _byStatusHash.GetValueOrDefault(InvitationToken.Hash(token));

    /// <summary>Whether <paramref name="codeHash"/> (<see cref="AccessCodeKey.Hash"/>) is one of <paramref name="invitation"/>'s access codes.</summary>
    public bool HasCode(Invitation invitation, string codeHash) =>
        _codes.Contains((invitation?.TokenHash ?? throw new ArgumentNullException(nameof(invitation)), codeHash));

    /// <summary>This book with the invitations of <paramref name="wave"/> replaced by <paramref name="invitations"/> (earlier links of that wave stop working).</summary>
    public InvitationBook WithWave(WaveId wave, IEnumerable<Invitation> invitations) =>
        new(Study, Invitations.Where(i => i.Wave != wave).Concat(invitations).ToArray());

    /// <summary>Whether the book has invitations for <paramref name="wave"/>.</summary>
    public bool HasWave(WaveId wave) => Invitations.Any(i => i.Wave == wave);

    /// <summary>The book as UTF-8 JSON.</summary>
    public byte[] Serialize()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("format", 1);
            w.WriteString("study", Study.Value);
            w.WriteStartArray("invitations");
            foreach (var i in Invitations)
            {
                w.WriteStartObject();
                w.WriteString("wave", i.Wave.Value);
                w.WriteString("school", i.School.Value);
                w.WriteString("tokenSha256", i.TokenHash);
                if (i.StatusTokenHash is { } status) w.WriteString("statusTokenSha256", status);
                if (i.CodeHashes is { Count: > 0 } codes)
                {
                    w.WriteStartArray("codeHmacs");
                    foreach (var code in codes) w.WriteStringValue(code);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    /// <summary>Reads a book written by <see cref="Serialize"/>.</summary>
    /// <exception cref="InvalidDataException">When <paramref name="utf8"/> is not an invitations file.</exception>
    public static InvitationBook Deserialize(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.GetProperty("format").GetInt32() != 1) throw new InvalidDataException("Invitations file format is not 1.");
            var invitations = root.GetProperty("invitations").EnumerateArray()
                .Select(e => new Invitation(
                    new WaveId(e.GetProperty("wave").GetString()!),
                    new SchoolId(e.GetProperty("school").GetString()!),
                    e.GetProperty("tokenSha256").GetString()!,
                    e.TryGetProperty("statusTokenSha256", out var status) ? status.GetString()! : null,
                    e.TryGetProperty("codeHmacs", out var codes) ? codes.EnumerateArray().Select(c => c.GetString()!).ToArray() : null))
                .ToArray();
            return new InvitationBook(new StudyId(root.GetProperty("study").GetString()!), invitations);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidDataException($"Not a valid invitations file: {e.Message}", e);
        }
    }
}
