using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Monitoring.Core.Instruments;
using Monitoring.Core.Responses;
using Monitoring.Core.Settings;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Definitions;

/// <summary>
/// Loads and validates a study definition folder: <c>study.json</c>, the organisation file and
/// the instrument files it names (format: <c>docs/formats.md</c>). Every problem is reported at
/// once, with file and JSON path; a valid definition becomes an immutable <see cref="Study"/>.
/// </summary>
public static class StudyDefinitionLoader
{
    /// <summary>The name of the file that a definition folder must hold.</summary>
    public const string StudyFileName = "study.json";

    private static readonly JsonDocumentOptions JsonOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private sealed record WaveDraft(string Id, LocalizedText Name, DateTimeOffset Opens, DateTimeOffset Closes, List<(string Id, string Path)> Instruments, string Path, WaveAccess Access);

    /// <summary>Loads the definition in <paramref name="directory"/>.</summary>
    /// <exception cref="ArgumentException">When <paramref name="directory"/> is empty.</exception>
    public static async Task<DefinitionResult> LoadAsync(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var problems = new List<DefinitionProblem>();
        var files = new List<string>();
        var hashInput = new List<(string File, byte[] Bytes)>();

        async Task<JsonDocument?> ReadAsync(string relative, string referencedFrom, string referencePath)
        {
            relative = relative.Replace('\\', '/');
            var full = Path.GetFullPath(Path.Combine(directory, relative));
            files.Add(relative);
            if (!File.Exists(full))
            {
                problems.Add(new DefinitionProblem(referencedFrom, referencePath, "missing-file",
                    $"File '{relative}' does not exist in '{Path.GetFullPath(directory)}'."));
                return null;
            }
            var bytes = await File.ReadAllBytesAsync(full, cancellationToken).ConfigureAwait(false);
            hashInput.Add((relative, bytes));
            try
            {
                // Editors on Windows (Notepad, PowerShell) write a UTF-8 byte order mark, which JsonDocument does not skip.
                var json = bytes.AsMemory();
                if (json.Span.StartsWith(Encoding.UTF8.Preamble)) json = json[Encoding.UTF8.Preamble.Length..];
                return JsonDocument.Parse(json, JsonOptions);
            }
            catch (JsonException e)
            {
                problems.Add(new DefinitionProblem(relative, "$", "invalid-json",
                    $"Not valid JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {e.Message.Split([" Path:", " LineNumber:"], StringSplitOptions.None)[0]}"));
                return null;
            }
        }

        using var studyDocument = await ReadAsync(StudyFileName, StudyFileName, "$").ConfigureAwait(false);
        if (studyDocument is null) return Result(null);
        var json = new JsonWalker(StudyFileName, problems);
        var root = studyDocument.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            json.Problem("$", "wrong-type", "study.json must hold one JSON object.");
            return Result(null);
        }
        json.RejectUnknown(root, "$", "id", "name", "description", "instruments", "organisation", "roles", "waves", "analysis");
        var id = json.Id(root, "id", "$");
        var name = json.Text(root, "name", "$");
        var roles = ReadRoles(json, root);
        var waves = ReadWaves(json, root);
        var analysis = AnalysisSettingsReader.Read(json, root, "$");
        var organisationFile = json.String(root, "organisation", "$", required: true);
        var instrumentFiles = json.Array(root, "instruments", "$", required: true, nonEmpty: true);

        var instruments = new List<Instrument>();
        var instrumentsComplete = true;
        var itemOwners = new Dictionary<string, string>();
        var scaleOwners = new Dictionary<string, string>();
        var instrumentOwners = new Dictionary<string, string>();
        for (var i = 0; i < instrumentFiles.Count; i++)
        {
            var p = JsonWalker.Index("$.instruments", i);
            var file = json.String(instrumentFiles[i], p);
            if (file is null) { instrumentsComplete = false; continue; }
            using var document = await ReadAsync(file, StudyFileName, p).ConfigureAwait(false);
            if (document is null) { instrumentsComplete = false; continue; }
            var instrumentJson = new JsonWalker(file.Replace('\\', '/'), problems);
            var instrument = InstrumentReader.Read(instrumentJson, document.RootElement);
            CheckStudyWideIds(instrumentJson, document.RootElement, itemOwners, scaleOwners, instrumentOwners);
            if (instrument is null) instrumentsComplete = false;
            else instruments.Add(instrument);
        }

        // Every wave id written in study.json, also of a wave that is broken otherwise, so that
        // its staff counts are not reported as counts for an unknown wave as well.
        var waveIds = JsonWalker.DeclaredIds(root, "waves");
        OrganisationReader.Organisation? organisation = null;
        if (organisationFile is not null)
        {
            using var document = await ReadAsync(organisationFile, StudyFileName, "$.organisation").ConfigureAwait(false);
            if (document is not null)
                organisation = OrganisationReader.Read(new JsonWalker(organisationFile.Replace('\\', '/'), problems), document.RootElement, waveIds);
        }

        CheckWaves(json, waves, instrumentsComplete ? instruments.Select(i => i.Id.Value).ToHashSet() : null);

        if (problems.Count > 0 || id is null || name is null || organisation is not { Complete: true } || !instrumentsComplete)
            return Result(null);

        var study = new Study(
            new StudyId(id), name,
            organisation.Trajectories, organisation.Networks, organisation.Schools,
            roles,
            waves.Select(w => new Wave(new WaveId(w.Id), w.Name, w.Opens, w.Closes, w.Instruments.Select(i => new InstrumentId(i.Id)).ToArray()) { Access = w.Access }).ToArray(),
            instruments,
            analysis);
        return Result(study);

        DefinitionResult Result(Study? s)
        {
            string? hash = null;
            if (hashInput.Count == files.Count)
            {
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                foreach (var (file, bytes) in hashInput)
                {
                    sha.AppendData(Encoding.UTF8.GetBytes(file + "\0"));
                    sha.AppendData(bytes);
                }
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }
            // Checks that span files (wave order, wave instruments) run last; list problems by file, in reading order.
            var ordered = ProblemCauses.Link(problems.OrderBy(p => files.IndexOf(p.File)).ToArray());
            return new DefinitionResult(problems.Count == 0 ? s : null, ordered, files, hash);
        }
    }

    private static List<Role> ReadRoles(JsonWalker json, JsonElement root)
    {
        var roles = new List<Role>();
        var elements = json.Array(root, "roles", "$", required: true, nonEmpty: true);
        for (var i = 0; i < elements.Count; i++)
        {
            var p = JsonWalker.Index("$.roles", i);
            var e = elements[i];
            if (e.ValueKind != JsonValueKind.Object) { json.Problem(p, "wrong-type", "A role must be an object."); continue; }
            json.RejectUnknown(e, p, "id", "name");
            var id = json.Id(e, "id", p);
            var name = json.Text(e, "name", p);
            if (id is null || name is null) continue;
            if (roles.Any(r => r.Id.Value == id)) { json.Problem(JsonWalker.Child(p, "id"), "duplicate-id", $"Role '{id}' is defined twice."); continue; }
            roles.Add(new Role(new RoleId(id), name));
        }
        return roles;
    }

    private static List<WaveDraft> ReadWaves(JsonWalker json, JsonElement root)
    {
        var waves = new List<WaveDraft>();
        var elements = json.Array(root, "waves", "$", required: true, nonEmpty: true);
        for (var i = 0; i < elements.Count; i++)
        {
            var p = JsonWalker.Index("$.waves", i);
            var e = elements[i];
            if (e.ValueKind != JsonValueKind.Object) { json.Problem(p, "wrong-type", "A wave must be an object."); continue; }
            json.RejectUnknown(e, p, "id", "name", "opens", "closes", "instruments", "access");
            var id = json.Id(e, "id", p);
            var name = json.Text(e, "name", p);
            var opens = json.Instant(e, "opens", p);
            var closes = json.Instant(e, "closes", p);
            if (opens is not null && closes is not null && closes <= opens)
            {
                json.Problem(JsonWalker.Child(p, "closes"), "window-reversed", $"Wave '{id}' closes ({closes:O}) before or when it opens ({opens:O}).");
                closes = null;
            }
            var access = ReadAccess(json, e, p);
            var instruments = new List<(string, string)>();
            var list = json.Array(e, "instruments", p, required: true, nonEmpty: true);
            for (var j = 0; j < list.Count; j++)
            {
                var ip = JsonWalker.Index(JsonWalker.Child(p, "instruments"), j);
                var instrument = json.String(list[j], ip);
                if (instrument is null) continue;
                if (instruments.Any(x => x.Item1 == instrument)) json.Problem(ip, "duplicate-instrument", $"Wave '{id}' includes instrument '{instrument}' twice.");
                else instruments.Add((instrument, ip));
            }
            if (id is null || name is null || opens is null || closes is null) continue;
            if (waves.Any(w => w.Id == id)) { json.Problem(JsonWalker.Child(p, "id"), "duplicate-id", $"Wave '{id}' is defined twice."); continue; }
            waves.Add(new WaveDraft(id, name, opens.Value, closes.Value, instruments, p, access));
        }
        return waves;
    }

    private static WaveAccess ReadAccess(JsonWalker json, JsonElement wave, string path)
    {
        var access = json.String(wave, "access", path, required: false);
        switch (access)
        {
            case null or "open": return WaveAccess.Open;
            case "closed": return WaveAccess.Closed;
            default:
                json.Problem(JsonWalker.Child(path, "access"), "unknown-access", $"Access '{access}' is not known; use \"open\" (anyone with the school's link) or \"closed\" (single-use codes).");
                return WaveAccess.Open;
        }
    }

    private static void CheckWaves(JsonWalker json, List<WaveDraft> waves, HashSet<string>? instrumentIds)
    {
        for (var i = 1; i < waves.Count; i++)
        {
            var previous = waves[i - 1];
            var wave = waves[i];
            if (wave.Opens <= previous.Closes)
                json.Problem(JsonWalker.Child(wave.Path, "opens"), wave.Closes < previous.Opens ? "waves-not-chronological" : "overlapping-windows",
                    wave.Closes < previous.Opens
                        ? $"Wave '{wave.Id}' comes before wave '{previous.Id}'; list waves in chronological order (the first is the baseline)."
                        : $"Wave '{wave.Id}' opens ({wave.Opens:O}) before wave '{previous.Id}' closes ({previous.Closes:O}); wave windows must not overlap.");
        }
        if (instrumentIds is null) return;
        foreach (var wave in waves)
            foreach (var (instrument, path) in wave.Instruments)
                if (!instrumentIds.Contains(instrument))
                    json.Problem(path, "unknown-instrument", $"Wave '{wave.Id}' includes instrument '{instrument}', which no instrument file defines.");
    }

    /// <summary>Item, scale and instrument ids must be unique across the whole study, and must not be a raw-response column name.</summary>
    private static void CheckStudyWideIds(JsonWalker json, JsonElement root, Dictionary<string, string> items, Dictionary<string, string> scales, Dictionary<string, string> instruments)
    {
        if (root.ValueKind != JsonValueKind.Object) return;
        if (root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String)
        {
            var id = idElement.GetString()!;
            if (instruments.TryGetValue(id, out var other))
                json.Problem("$.id", "duplicate-id", $"Instrument '{id}' is also defined in '{other}'.");
            else instruments[id] = json.File;
        }
        if (root.TryGetProperty("items", out var itemArray) && itemArray.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in itemArray.EnumerateArray())
            {
                var path = JsonWalker.Child(JsonWalker.Index("$.items", i++), "id");
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String) continue;
                var value = id.GetString()!;
                if (RawResponseColumns.Fixed.Contains(value))
                    json.Problem(path, "reserved-id", $"Item id '{value}' is a fixed column of the raw response file; choose another id.");
                else if (items.TryGetValue(value, out var owner) && owner != json.File)
                    json.Problem(path, "duplicate-id", $"Item '{value}' is also defined in '{owner}'; item ids are unique across the study.");
                else items.TryAdd(value, json.File);
            }
        }
        foreach (var (scale, path) in InstrumentReader.ScaleIds(root))
        {
            if (RawResponseColumns.Fixed.Contains(scale))
                json.Problem(path, "reserved-id", $"Scale id '{scale}' is a fixed column name; choose another id.");
            else if (items.ContainsKey(scale))
                json.Problem(path, "duplicate-id", $"Scale id '{scale}' is also an item id; scale and item ids share one namespace (they are both dataset columns).");
            else if (!scales.TryAdd(scale, $"{json.File} {path}"))
                json.Problem(path, "duplicate-id", $"Scale '{scale}' is also defined at {scales[scale]}; scale ids are unique across the study.");
        }
    }
}
