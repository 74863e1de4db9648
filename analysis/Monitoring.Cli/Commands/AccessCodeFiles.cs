using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;

namespace Monitoring.Cli.Commands;

/// <summary>
/// The access codes of a closed-access wave as files for the schools' contact persons: <c>codes.csv</c>
/// (one row per code) and one printable A4 sheet per school (<c>{school}.html</c>), one cut-out slip per
/// code with the questionnaire link and instructions. Both hold secrets; only the contact person gets them.
/// </summary>
internal static class AccessCodeFiles
{
    private sealed record Texts(string Title, string Cut, string Slip, string Link, string Code, string Once, string Window);

    private static readonly Dictionary<string, Texts> ByLanguage = new()
    {
        ["nl"] = new(
            "Toegangscodes",
            "Knip de strookjes los langs de stippellijnen en geef elk personeelslid één strookje, in willekeurige volgorde. Noteer niet wie welke code kreeg.",
            "Vragenlijst – persoonlijke toegangscode",
            "Open de vragenlijst via deze link:",
            "Typ deze code wanneer de vragenlijst erom vraagt:",
            "De code werkt één keer. Ze is niet aan jou gekoppeld: niemand kan zien welke antwoorden bij welke code horen.",
            "Open van {0} tot {1}."),
        ["en"] = new(
            "Access codes",
            "Cut the slips apart along the dotted lines and give each staff member one slip, in random order. Do not note who received which code.",
            "Questionnaire – personal access code",
            "Open the questionnaire at this link:",
            "Type this code when the questionnaire asks for it:",
            "The code works once. It is not linked to you: nobody can see which answers belong to which code.",
            "Open from {0} to {1}."),
    };

    public static void Write(string folder, Study study, Wave wave, IReadOnlyList<IssuedInvitation> issued, string baseUrl, string language)
    {
        Directory.CreateDirectory(folder);
        var csvPath = Path.Combine(folder, "codes.csv");
        var options = CsvWriterOptions.Default with { NewLine = "\n", Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture };
        using (var csv = CsvWriter.Create(new FileStream(csvPath, FileMode.Create, FileAccess.Write, FileShare.None), options, leaveOpen: false))
        {
            foreach (var header in new[] { "school", "school_name", "network", "wave", "code", "link" }) csv.WriteField(header);
            csv.EndRecord();
            foreach (var i in issued)
            {
                var school = study.FindSchool(i.Invitation.School)!;
                foreach (var code in i.Codes)
                {
                    csv.WriteField(school.Id.Value);
                    csv.WriteField(school.Name);
                    csv.WriteField(study.NetworkOf(school.Id)?.Id.Value ?? "");
                    csv.WriteField(wave.Id.Value);
                    csv.WriteField(code);
                    csv.WriteField(Link(baseUrl, i, language));
                    csv.EndRecord();
                }
            }
        }
        OwnerOnly(csvPath);
        foreach (var i in issued)
        {
            var path = Path.Combine(folder, $"{i.Invitation.School.Value}.html");
            File.WriteAllText(path, Sheet(study, wave, study.FindSchool(i.Invitation.School)!, i, baseUrl, language), new UTF8Encoding(false));
            OwnerOnly(path);
        }
    }

    /// <summary>One school's printable sheet: self-contained HTML, every data string encoded.</summary>
    public static string Sheet(Study study, Wave wave, School school, IssuedInvitation invitation, string baseUrl, string language)
    {
        var t = ByLanguage[language];
        var link = Link(baseUrl, invitation, language);
        var window = string.Format(CultureInfo.InvariantCulture, t.Window, wave.Opens.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), wave.Closes.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
        var html = new StringBuilder();
        html.Append($$"""
            <!doctype html>
            <html lang="{{language}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(t.Title)}} – {{E(school.Name)}} – {{E(wave.Name.In(language))}}</title>
            <style>
            @page { size: A4; margin: 12mm; }
            body { font-family: system-ui, sans-serif; margin: 0; color: #000; }
            header { margin: 0 0 6mm; }
            h1 { font-size: 16pt; margin: 0 0 2mm; }
            .slips { display: grid; grid-template-columns: 1fr 1fr; }
            .slip { border: 1px dashed #555; padding: 4mm 5mm; break-inside: avoid; page-break-inside: avoid; font-size: 10pt; }
            .slip h2 { font-size: 11pt; margin: 0 0 2mm; }
            .slip p { margin: 1mm 0; }
            .link { font-family: ui-monospace, monospace; word-break: break-all; }
            .code { font-family: ui-monospace, monospace; font-size: 18pt; font-weight: bold; letter-spacing: 0.08em; }
            </style>
            </head>
            <body>
            <header>
            <h1>{{E(t.Title)}}: {{E(school.Name)}} – {{E(wave.Name.In(language))}}</h1>
            <p>{{E(t.Cut)}}</p>
            </header>
            <main class="slips">

            """);
        foreach (var code in invitation.Codes)
            html.Append($$"""
                <section class="slip">
                <h2>{{E(t.Slip)}}</h2>
                <p>{{E(school.Name)}} – {{E(wave.Name.In(language))}}</p>
                <p>{{E(t.Link)}}<br><span class="link">{{E(link)}}</span></p>
                <p>{{E(t.Code)}}<br><span class="code">{{E(code)}}</span></p>
                <p>{{E(t.Once)}} {{E(window)}}</p>
                </section>

                """);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Link(string baseUrl, IssuedInvitation invitation, string language) =>
        $"{baseUrl}/s/{invitation.Token}" + (language == "nl" ? "" : $"?lang={language}");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static void OwnerOnly(string path)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
