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

    /// <summary>Creates a book.</summary>
    /// <exception cref="ArgumentException">When a token hash repeats.</exception>
    public InvitationBook(StudyId study, IReadOnlyList<Invitation> invitations)
    {
        ArgumentNullException.ThrowIfNull(invitations);
        Study = study;
        Invitations = invitations;
        var byHash = new Dictionary<string, Invitation>(StringComparer.Ordinal);
        foreach (var invitation in invitations)
            if (!byHash.TryAdd(invitation.TokenHash, invitation))
                throw new ArgumentException($"Token hash {invitation.TokenHash} appears twice.", nameof(invitations));
        _byHash = byHash.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The study.</summary>
    public StudyId Study { get; }

    /// <summary>Every invitation, in file order.</summary>
    public IReadOnlyList<Invitation> Invitations { get; }

    /// <summary>The artifact name under which a study's book is kept.</summary>
    public static string ArtifactName(StudyId study) => $"invitations/{study.Value}.json";

    /// <summary>The invitation whose token is <paramref name="token"/>, or null.</summary>
    public Invitation? FindByToken(string token) => _byHash.GetValueOrDefault(InvitationToken.Hash(token));

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
                    e.GetProperty("tokenSha256").GetString()!))
                .ToArray();
            return new InvitationBook(new StudyId(root.GetProperty("study").GetString()!), invitations);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidDataException($"Not a valid invitations file: {e.Message}", e);
        }
    }
}
