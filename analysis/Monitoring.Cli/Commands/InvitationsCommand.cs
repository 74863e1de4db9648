using System.CommandLine;
using System.Globalization;
using CsvHelper;
using Monitoring.Core.Definitions;
using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;
using Monitoring.Storage.Files;

namespace Monitoring.Cli.Commands;

/// <summary>
/// <c>monitoring invitations</c>: per school for a wave, a questionnaire link for the staff and a
/// status link for the school's contact person, and in a closed-access wave single-use access codes
/// (a CSV and a printable sheet per school). The links and codes files hold the secrets and go to the
/// schools' contact persons only; the store keeps only hashes (artifact <c>invitations/{study}.json</c>),
/// which the collection app reads.
/// </summary>
internal static class InvitationsCommand
{
    public static Command Create()
    {
        var study = StudyOption.Create();
        var wave = new Option<string>("--wave") { Description = "The wave the links are for, e.g. T0.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The links file to write (CSV, one row per school). It holds secrets: hand each link to its school only.", Required = true };
        var store = new Option<DirectoryInfo>("--store")
        {
            Description = "The collection app's data folder (Monitoring:DataPath); the token hashes go to <store>/artifacts/invitations/<study>.json. Default: data.",
            DefaultValueFactory = _ => new DirectoryInfo("data"),
        };
        var baseUrl = new Option<string>("--base-url")
        {
            Description = "The public address of the questionnaire app; links are <base-url>/s/<token>. Default: http://localhost:5000.",
            DefaultValueFactory = _ => "http://localhost:5000",
        };
        var replace = new Option<bool>("--replace") { Description = "Replace the wave's existing links (they stop working). Without it, a wave that has links is left alone." };
        var codes = new Option<int>("--codes")
        {
            Description = $"For a closed-access wave (\"access\": \"closed\"): the number of single-use access codes per school (at least its staff size). " +
                $"Their hashes are keyed with the linkage secret, read from the environment variable {SecretVariable} (the app's Monitoring:LinkageSecret).",
        };
        var codesOut = new Option<DirectoryInfo>("--codes-out")
        {
            Description = "The folder for the access codes: codes.csv and one printable sheet <school>.html per school. Default: codes-<wave> next to --out.",
        };
        var sheetLanguage = new Option<string>("--sheet-language")
        {
            Description = "The language of the printable code sheets: nl (default) or en.",
            DefaultValueFactory = _ => "nl",
        };
        sheetLanguage.AcceptOnlyFromAmong("nl", "en");
        var command = new Command("invitations", "Create per school for a wave a questionnaire link (staff), a status link (contact person) and, for closed access, single-use codes; only hashes are kept server-side.")
        {
            study, wave, output, store, baseUrl, replace, codes, codesOut, sheetLanguage,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var studyDirectory = parse.GetValue(study)!.FullName;
            var definition = await StudyDefinitionLoader.LoadAsync(studyDirectory, cancellationToken).ConfigureAwait(false);
            if (!definition.IsValid)
            {
                await ValidateCommand.ReportProblemsAsync(error, studyDirectory, definition).ConfigureAwait(false);
                return 1;
            }
            var s = definition.Study;
            var waveId = new WaveId(parse.GetValue(wave)!);
            var w = s.FindWave(waveId);
            if (w is null)
            {
                await error.WriteLineAsync($"Wave '{waveId}' is not defined; use one of: {string.Join(", ", s.Waves.Select(x => x.Id))}.").ConfigureAwait(false);
                return 1;
            }
            var url = parse.GetValue(baseUrl)!.TrimEnd('/');
            if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
            {
                await error.WriteLineAsync($"--base-url '{url}' is not an http(s) address.").ConfigureAwait(false);
                return 1;
            }

            var artifacts = new FileArtifactStore(new FileStoreOptions { DataPath = parse.GetValue(store)!.FullName });
            var name = InvitationBook.ArtifactName(s.Id);
            var book = await ReadBookAsync(artifacts, name, s.Id, cancellationToken).ConfigureAwait(false);
            if (book.HasWave(waveId) && !parse.GetValue(replace))
            {
                await error.WriteLineAsync($"Wave {waveId} already has links in {name}; pass --replace to issue new ones (the old links stop working).").ConfigureAwait(false);
                return 1;
            }

            var codesPerSchool = parse.GetValue(codes);
            AccessCodeKey? codeKey = null;
            if (w.Access == WaveAccess.Closed)
            {
                if (codesPerSchool < 1)
                {
                    await error.WriteLineAsync($"Wave {waveId} has closed access: pass --codes N, the number of access codes per school (at least its staff size).").ConfigureAwait(false);
                    return 1;
                }
                if (CodeKey() is not { } key)
                {
                    await error.WriteLineAsync($"Closed access needs the linkage secret to key the codes' hashes: set the environment variable {SecretVariable} " +
                        "to the app's Monitoring:LinkageSecret (base64 of at least 32 bytes).").ConfigureAwait(false);
                    return 1;
                }
                codeKey = key;
            }
            else if (codesPerSchool != 0)
            {
                await error.WriteLineAsync($"Wave {waveId} has open access: --codes applies only to a wave with \"access\": \"closed\" in study.json.").ConfigureAwait(false);
                return 1;
            }

            var issued = InvitationIssuer.Issue(s, waveId, codesPerSchool, codeKey);
            var file = parse.GetValue(output)!;
            WriteLinks(file.FullName, s, w, issued, url);
            string? codesFolder = null;
            if (codeKey is not null)
            {
                codesFolder = (parse.GetValue(codesOut) ?? new DirectoryInfo(Path.Combine(file.DirectoryName!, $"codes-{waveId}"))).FullName;
                AccessCodeFiles.Write(codesFolder, s, w, issued, url, parse.GetValue(sheetLanguage)!);
            }
            await artifacts.PutAsync(name, new MemoryStream(book.WithWave(waveId, issued.Select(i => i.Invitation)).Serialize()), cancellationToken).ConfigureAwait(false);

            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"{issued.Count} questionnaire and status links for wave {waveId} ({w.Opens:yyyy-MM-dd HH:mm} – {w.Closes:yyyy-MM-dd HH:mm}) written to {file.FullName}; " +
                (codesFolder is null ? "" : $"{codesPerSchool} access codes per school written to {codesFolder}; ") +
                $"hashes stored in {Path.Combine(parse.GetValue(store)!.FullName, "artifacts", name)}.").ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    /// <summary>The environment variable with the linkage secret: the app's own setting Monitoring:LinkageSecret.</summary>
    public const string SecretVariable = "Monitoring__LinkageSecret";

    private static AccessCodeKey? CodeKey()
    {
        try
        {
            var secret = Convert.FromBase64String(Environment.GetEnvironmentVariable(SecretVariable) ?? "");
            return secret.Length >= LinkageKey.MinimumSecretBytes ? new AccessCodeKey(secret) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static async Task<InvitationBook> ReadBookAsync(FileArtifactStore artifacts, string name, StudyId study, CancellationToken cancellationToken)
    {
        await using var stream = await artifacts.OpenReadAsync(name, cancellationToken).ConfigureAwait(false);
        if (stream is null) return new InvitationBook(study, []);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return InvitationBook.Deserialize(buffer.ToArray());
    }

    private static void WriteLinks(string path, Study study, Wave wave, IReadOnlyList<IssuedInvitation> issued, string baseUrl)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = CsvWriterOptions.Default with { NewLine = "\n", Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture };
        using (var csv = CsvWriter.Create(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None), options, leaveOpen: false))
        {
            foreach (var header in new[] { "school", "school_name", "network", "wave", "opens", "closes", "link", "status_link" }) csv.WriteField(header);
            csv.EndRecord();
            foreach (var i in issued)
            {
                var school = study.FindSchool(i.Invitation.School)!;
                csv.WriteField(school.Id.Value);
                csv.WriteField(school.Name);
                csv.WriteField(study.NetworkOf(school.Id)?.Id.Value ?? "");
                csv.WriteField(wave.Id.Value);
                csv.WriteField(wave.Opens.ToString("O", CultureInfo.InvariantCulture));
                csv.WriteField(wave.Closes.ToString("O", CultureInfo.InvariantCulture));
                csv.WriteField($"{baseUrl}/s/{i.Token}");
                csv.WriteField($"{baseUrl}/status/{i.StatusToken}");
                csv.EndRecord();
            }
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
