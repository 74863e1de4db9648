using System.Text.Json;
using Monitoring.Core.Submissions;

namespace Monitoring.Cli.Tests.Commands;

public sealed class InvitationsCommandTests : IDisposable
{
    private const string Secret = "VEVTVC1PTkxZLWxpbmthZ2Utc2VjcmV0LTAxMjM0NTY3ODk=";
    private readonly string _root = Directory.CreateTempSubdirectory("monitoring-invitations-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task EachSchoolGetsAStatusLinkWithItsOwnTokenAndOnlyBothHashesAreStored()
    {
        var result = await RunAsync(MonitoringProcess.SampleStudy, "T0");

        Assert.True(result.ExitCode == 0, result.Error);
        var rows = Rows(Path.Combine(_root, "links.csv"));
        Assert.Equal(["school", "school_name", "network", "wave", "opens", "closes", "link", "status_link"], rows[0]);
        Assert.Equal(69, rows.Count - 1);
        var book = Book();
        foreach (var row in rows.Skip(1))
        {
            var token = row[6][(row[6].LastIndexOf('/') + 1)..];
            var status = row[7][(row[7].LastIndexOf('/') + 1)..];
            Assert.StartsWith("http://localhost:5000/s/", row[6]);
            Assert.StartsWith("http://localhost:5000/status/", row[7]);
            Assert.NotEqual(token, status);
            Assert.Equal(row[0], book.FindByStatusToken(status)?.School.Value);
            Assert.Null(book.FindByStatusToken(token));
            Assert.Null(book.FindByToken(status));
        }
        var stored = File.ReadAllText(BookPath);
        Assert.DoesNotContain(rows[1][7][(rows[1][7].LastIndexOf('/') + 1)..], stored);
    }

    [Fact]
    public async Task AClosedWaveGetsCodesAsACsvAndAPrintableSheetPerSchoolWithOnlyKeyedHashesStored()
    {
        var study = ClosedStudy();

        var result = await RunAsync(study, "T0", "--codes", "3");

        Assert.True(result.ExitCode == 0, result.Error);
        var folder = Path.Combine(_root, "codes-T0");
        var rows = Rows(Path.Combine(folder, "codes.csv"));
        Assert.Equal(["school", "school_name", "network", "wave", "code", "link"], rows[0]);
        Assert.Equal(69 * 3, rows.Count - 1);
        Assert.All(rows.Skip(1), r => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$", r[4]));
        var book = Book();
        var key = new AccessCodeKey(Convert.FromBase64String(Secret));
        var stored = File.ReadAllText(BookPath);
        foreach (var row in rows.Skip(1))
        {
            var invitation = book.FindByToken(row[5][(row[5].LastIndexOf('/') + 1)..])!;
            Assert.Equal(row[0], invitation.School.Value);
            Assert.True(book.HasCode(invitation, key.Hash(row[4])!));
            Assert.DoesNotContain(row[4], stored);
            Assert.DoesNotContain(AccessCode.Normalize(row[4])!, stored);
        }
        var sheet = File.ReadAllText(Path.Combine(folder, $"{rows[1][0]}.html"));
        Assert.Contains("<html lang=\"nl\">", sheet);
        Assert.Contains("@page { size: A4", sheet);
        Assert.Contains("Toegangscodes", sheet);
        Assert.Equal(3, sheet.Split("class=\"slip\"").Length - 1);
        Assert.All(rows.Skip(1).Where(r => r[0] == rows[1][0]), r => Assert.Contains(r[4], sheet));
        Assert.DoesNotContain(rows.Skip(1).First(r => r[0] != rows[1][0])[4], sheet);
        Assert.Equal(69, Directory.GetFiles(folder, "*.html").Length);
    }

    [Fact]
    public async Task TheSheetCanBeInEnglish()
    {
        var result = await RunAsync(ClosedStudy(), "T0", "--codes", "2", "--sheet-language", "en", "--codes-out", Path.Combine(_root, "sheets"));

        Assert.True(result.ExitCode == 0, result.Error);
        var sheet = File.ReadAllText(Directory.GetFiles(Path.Combine(_root, "sheets"), "*.html")[0]);
        Assert.Contains("<html lang=\"en\">", sheet);
        Assert.Contains("Type this code when the questionnaire asks for it", sheet);
        Assert.Contains("?lang=en", sheet);
    }

    [Fact]
    public async Task AClosedWaveWithoutCodesOrWithoutTheSecretAndAnOpenWaveWithCodesAreRefused()
    {
        var closed = ClosedStudy();

        var noCodes = await RunAsync(closed, "T0");
        var noSecret = await RunAsync(closed, "T0", ["--codes", "3"], secret: "");
        var openWithCodes = await RunAsync(closed, "T1", "--codes", "3");

        Assert.Equal(1, noCodes.ExitCode);
        Assert.Contains("closed access: pass --codes N", noCodes.Error);
        Assert.Equal(1, noSecret.ExitCode);
        Assert.Contains("Monitoring__LinkageSecret", noSecret.Error);
        Assert.Equal(1, openWithCodes.ExitCode);
        Assert.Contains("open access", openWithCodes.Error);
        Assert.False(File.Exists(BookPath));
    }

    private string BookPath => Path.Combine(_root, "data", "artifacts", "invitations", "vlaamse-veerkracht-2021-2023.json");

    private InvitationBook Book() => InvitationBook.Deserialize(File.ReadAllBytes(BookPath));

    private Task<MonitoringProcess.Result> RunAsync(string study, string wave, params string[] extra) => RunAsync(study, wave, extra, Secret);

    private Task<MonitoringProcess.Result> RunAsync(string study, string wave, string[] extra, string secret) =>
        MonitoringProcess.RunAsync(
            ["invitations", "--study", study, "--wave", wave, "--out", Path.Combine(_root, "links.csv"), "--store", Path.Combine(_root, "data"), .. extra],
            environment: new Dictionary<string, string> { ["Monitoring__LinkageSecret"] = secret });

    /// <summary>A copy of the sample study whose wave T0 has closed access.</summary>
    private string ClosedStudy()
    {
        var folder = Path.Combine(_root, "study");
        foreach (var file in Directory.GetFiles(MonitoringProcess.SampleStudy, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(MonitoringProcess.SampleStudy, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var path = Path.Combine(folder, "study.json");
        var text = File.ReadAllText(path);
        const string t0Closes = "\"closes\": \"2021-12-17T23:59:59+01:00\",";
        Assert.Contains(t0Closes, text);
        File.WriteAllText(path, text.Replace(t0Closes, t0Closes + " \"access\": \"closed\",", StringComparison.Ordinal));
        return folder;
    }

    /// <summary>The rows of a CSV without line breaks inside fields (quoted fields may hold commas and doubled quotes).</summary>
    private static List<string[]> Rows(string path) => File.ReadAllLines(path).Select(Fields).ToList();

    private static string[] Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields.ToArray();
    }
}
