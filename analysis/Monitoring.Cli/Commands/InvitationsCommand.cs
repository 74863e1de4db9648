using System.CommandLine;
using System.Globalization;
using CsvHelper;
using Monitoring.Core.Definitions;
using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;
using Monitoring.Storage.Files;

namespace Monitoring.Cli.Commands;

/// <summary>
/// <c>monitoring invitations</c>: one link per school for a wave. The links file holds the secret
/// tokens and goes to the schools' contact persons only; the store keeps only the tokens' SHA-256
/// hashes (artifact <c>invitations/{study}.json</c>), which the collection app reads.
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
        var command = new Command("invitations", "Create one questionnaire link per school for a wave; only the tokens' hashes are kept server-side.")
        {
            study, wave, output, store, baseUrl, replace,
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

            var issued = InvitationIssuer.Issue(s, waveId);
            var file = parse.GetValue(output)!;
            WriteLinks(file.FullName, s, w, issued, url);
            await artifacts.PutAsync(name, new MemoryStream(book.WithWave(waveId, issued.Select(i => i.Invitation)).Serialize()), cancellationToken).ConfigureAwait(false);

            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"{issued.Count} links for wave {waveId} ({w.Opens:yyyy-MM-dd HH:mm} – {w.Closes:yyyy-MM-dd HH:mm}) written to {file.FullName}; " +
                $"token hashes stored in {Path.Combine(parse.GetValue(store)!.FullName, "artifacts", name)}.").ConfigureAwait(false);
            return 0;
        });
        return command;
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
                csv.WriteField($"{baseUrl}/api/status/{i.Token}");
                csv.EndRecord();
            }
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
