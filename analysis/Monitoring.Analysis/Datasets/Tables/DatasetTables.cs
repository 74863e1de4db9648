using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Datasets.Tables;

/// <summary>
/// The one description of every dataset a run writes: each table's columns in file order, with type, unit, labels,
/// value labels and the meaning of an empty field. The codebook (md, csv), load.R, load.sps, load.do and the Parquet
/// files are all generated from it, and a test checks it against the header of every written file, so that a new
/// column is one line here.
/// </summary>
internal static class DatasetTables
{
    /// <summary>The statistics of a wide aggregates row, per wave (<c>{statistic}_{wave}</c>).</summary>
    public static readonly string[] WideStatistics = ["n", "mean", "sd", "se", "ci_low", "ci_high", "suppressed"];

    public static string Wide(string statistic, string wave) => $"{statistic}_{wave}";

    private static LocalizedText T(string nl, string en) => new(nl, en);

    private static DatasetColumn Text(string name, string nl, string en, string missing = "never empty", int width = 255) =>
        new(name, ColumnKind.Text, T(nl, en), missing) { Width = width };

    private static DatasetColumn Int(string name, string nl, string en, string missing = "never empty", string unit = "") =>
        new(name, ColumnKind.Integer, T(nl, en), missing) { Unit = unit };

    private static DatasetColumn Num(string name, string nl, string en, string missing, string unit = "") =>
        new(name, ColumnKind.Number, T(nl, en), missing) { Unit = unit };

    private static DatasetColumn Bool(string name, string nl, string en) => new(name, ColumnKind.Boolean, T(nl, en), "never empty");

    private static DatasetColumn Level(string name = "level") =>
        new(name, ColumnKind.Code, T("Niveau", "Level"), "never empty")
        {
            Values = "all, trajectory, network, school",
            ValueLabels =
            [
                new("all", T("Hele studie", "Whole study")), new("trajectory", T("Traject", "Trajectory")),
                new("network", T("Netwerk", "Network")), new("school", T("School", "School")),
            ],
        };

    private static DatasetColumn Suppressed() =>
        Bool("suppressed", "Verborgen (privacy)", "Suppressed (privacy)") with { Values = "true: the statistics of this row are withheld (docs/methods.md, privacy)" };

    public static IReadOnlyList<DatasetTable> Of(Study study)
    {
        var s = new StudyColumns(study);
        const string Suppression = "suppressed (privacy), or not computable";
        const string Points = "scale points";
        return
        [
            new("responses", T("Antwoorden met scores", "Responses with scores"), "one kept response (a respondent in one wave)",
            [
                Text("response_id", "Antwoord-id", "Response id", width: 64) with { Values = "submission id from the questionnaire page or the raw file" },
                s.School(), s.Network(), s.Trajectory(), s.Wave(), s.Role(),
                Text("linkage_code", "Koppelcode (gehasht)", "Linkage code (keyed hash)", "not given", 64) with { Values = "pseudonymous code linking a respondent across waves" },
                new("started", ColumnKind.Timestamp, T("Gestart", "Started"), "never empty") { Values = "ISO 8601 with offset" },
                new("submitted", ColumnKind.Timestamp, T("Ingediend", "Submitted"), "never empty") { Values = "ISO 8601 with offset" },
                new("language", ColumnKind.Code, T("Taal", "Language"), "never empty")
                {
                    Values = "nl, en", ValueLabels = [new("nl", T("Nederlands", "Dutch")), new("en", T("Engels", "English"))],
                },
                .. study.Items.Select(s.Item),
                .. study.Scales.Select(s.Score),
            ]),
            new("panel_wide", T("Panel van gekoppelde respondenten", "Panel of linked respondents"),
                "one linked respondent (a linkage code) with a score column per scale and wave; a respondent seen in one wave only has one row with that wave's scores and the other waves' columns empty (the 'waves' column says which waves)",
            [
                Text("linkage_code", "Koppelcode (gehasht)", "Linkage code (keyed hash)", width: 64) with { Values = "the panel's key: one row per code; a code seen twice in one wave is left out" },
                s.School() with { Values = "the school of the code's latest response" },
                s.Network() with { Values = "the network of that school" },
                s.Trajectory(),
                s.Role() with { Values = "the role of the code's latest response" },
                Text("waves", "Meetmomenten met antwoord", "Waves with a response", width: 64) with { Values = "space-separated wave ids, e.g. \"T0 T2\"" },
                .. from scale in study.Scales from wave in study.Waves select s.PanelScore(scale, wave),
            ]),
            new("aggregates", T("Geaggregeerde resultaten", "Aggregated results"), "one unit (study, trajectory, network or school), wave and scale",
            [
                Level(), Text("unit", "Eenheid", "Unit", width: 64) with { Values = "the id of the study, trajectory, network or school" },
                Text("unit_name", "Naam van de eenheid", "Unit name"), s.Wave(), s.Scale(),
                Int("n", "Aantal geldige scores", "Number of valid scores", Suppression, "scores"),
                Num("mean", "Gemiddelde", "Mean", Suppression, Points), Num("sd", "Standaardafwijking", "Standard deviation", Suppression, Points),
                Num("se", "Standaardfout", "Standard error", Suppression, Points),
                Num("ci_low", "Ondergrens betrouwbaarheidsinterval", "Confidence interval, lower bound", Suppression, Points),
                Num("ci_high", "Bovengrens betrouwbaarheidsinterval", "Confidence interval, upper bound", Suppression, Points),
                Suppressed(), Text("suppression_reason", "Reden van verbergen", "Why suppressed", "not suppressed"),
            ]),
            new("aggregates_wide", T("Geaggregeerde resultaten, breed", "Aggregated results, wide"),
                "one unit and scale, with the statistics of every wave side by side ({statistic}_{wave}); the same numbers as aggregates.csv",
            [
                Level(), Text("unit", "Eenheid", "Unit", width: 64), Text("unit_name", "Naam van de eenheid", "Unit name"), s.Scale(),
                .. study.Waves.SelectMany(w => WideColumns(w)),
            ]),
            new("school_panel", T("Scholenpanel", "School panel"),
                "one school and wave: its response rate and its mean on every scale (empty where suppressed); a school without kept responses in a wave has a row with empty means",
            [
                s.School(), s.Network(), s.Trajectory(), s.Wave(),
                Int("responses", "Aantal antwoorden", "Responses", "suppressed (privacy)", "responses"),
                Int("staff", "Personeelsleden", "Staff", "staff size not given"),
                Num("rate", "Responsgraad", "Response rate", "suppressed, or staff size not given", "share 0–1"),
                .. study.Scales.Select(scale => Num(scale.Id.Value, scale.Name.Nl, scale.Name.En ?? scale.Name.Nl, Suppression, "mean, " + Points)),
            ]),
            new("reliability", T("Betrouwbaarheid", "Reliability"), "one scale and wave",
            [
                s.Scale(), s.Wave(), Int("n", "Aantal respondenten", "Respondents", unit: "respondents"), Int("k", "Aantal items", "Items", unit: "items"),
                Num("raw_alpha", "Cronbachs alfa", "Cronbach's alpha", "not computable (too few respondents or items)"),
                Num("std_alpha", "Gestandaardiseerde alfa", "Standardized alpha", "not computable"),
                Num("average_r", "Gemiddelde inter-itemcorrelatie", "Mean inter-item correlation", "not computable"),
            ]),
            new("item_statistics", T("Itemstatistieken", "Item statistics"), "one item of a scale in a wave",
            [
                s.Scale(), s.Wave(), new("item", ColumnKind.Code, T("Item", "Item"), "never empty") { Values = "item ids" },
                Int("n", "Aantal antwoorden", "Answers", unit: "answers"),
                Num("alpha_if_deleted", "Alfa zonder dit item", "Alpha if item deleted", "not computable"),
                Num("r_drop", "Gecorrigeerde item-totaalcorrelatie", "Corrected item-total correlation", "not computable"),
            ]),
            new("change", T("Verandering tussen meetmomenten", "Change between waves"), "one unit, scale and pair of waves",
            [
                Level(), Text("unit", "Eenheid", "Unit", width: 64), s.Scale(),
                s.Wave("from_wave", T("Van meetmoment", "From wave")), s.Wave("to_wave", T("Naar meetmoment", "To wave")),
                Int("n_from", "Aantal (van)", "n (from)", "suppressed (privacy)", "scores"), Int("n_to", "Aantal (naar)", "n (to)", "suppressed (privacy)", "scores"),
                Num("mean_from", "Gemiddelde (van)", "Mean (from)", Suppression, Points), Num("mean_to", "Gemiddelde (naar)", "Mean (to)", Suppression, Points),
                Num("difference", "Verschil", "Difference", Suppression, Points),
                Num("ci_low", "Ondergrens betrouwbaarheidsinterval", "Confidence interval, lower bound", Suppression, Points),
                Num("ci_high", "Bovengrens betrouwbaarheidsinterval", "Confidence interval, upper bound", Suppression, Points),
                Num("cohens_d", "Cohens d", "Cohen's d", Suppression, "standard deviations"), Suppressed(),
            ]),
            new("icc", T("Intraklassecorrelatie", "Intraclass correlation"), "one scale and wave",
            [
                s.Scale(), s.Wave(), Int("n", "Aantal respondenten", "Respondents", unit: "respondents"), Int("schools", "Aantal scholen", "Schools", unit: "schools"),
                Num("ms_between", "Kwadratensom tussen scholen (gemiddeld)", "Mean square between schools", "not computable"),
                Num("ms_within", "Kwadratensom binnen scholen (gemiddeld)", "Mean square within schools", "not computable"),
                Num("icc1", "ICC(1)", "ICC(1)", "not computable"), Num("icc2", "ICC(2)", "ICC(2)", "not computable"),
            ]),
            new("response_rates", T("Responsgraad", "Response rates"), "one school and wave",
            [
                s.School(), s.Network(), s.Wave(),
                Int("responses", "Aantal antwoorden", "Responses", "suppressed (privacy)", "responses"),
                Int("staff", "Personeelsleden", "Staff", "staff size not given"),
                Num("rate", "Responsgraad", "Response rate", "suppressed, or staff size not given", "share 0–1"), Suppressed(),
                Text("suppression_reason", "Reden van verbergen", "Why suppressed", "not suppressed"),
            ]),
            new("cleaning_log", T("Opschoningslogboek", "Cleaning log"), "one excluded response (or one unreadable row, with all its problems)",
            [
                Int("source_row", "Rij in het bronbestand", "Row in the source file", unit: "row number, 1 = header"),
                Text("response_id", "Antwoord-id", "Response id", "unreadable"), Text("school", "School (zoals gelezen)", "School (as read)", "unreadable"),
                Text("wave", "Meetmoment (zoals gelezen)", "Wave (as read)", "unreadable"),
                new("rule", ColumnKind.Code, T("Regel", "Rule"), "never empty") { Values = "header, invalid, duplicate, outside_window, speeder, straight_liner, incomplete" },
                Text("detail", "Toelichting", "Detail", width: 4000),
            ]),
            new("profiles", T("Schoolprofielen", "School profiles"), "one school and wave with a profile",
            [
                s.School(), s.Network(missing: "school outside every network"), s.Wave(), Int("profile", "Profiel", "Profile", unit: "profile number"),
                Text("profile_name_nl", "Profielnaam (nl)", "Profile name (nl)"), Text("profile_name_en", "Profielnaam (en)", "Profile name (en)", "no English name"),
                Num("distance", "Afstand tot het profielcentrum", "Distance to the profile centre", "never empty", "z units"),
            ]),
            new("profile_centroids", T("Profielcentra", "Profile centroids"), "one profile and scale",
            [
                Int("profile", "Profiel", "Profile"), Text("name_nl", "Profielnaam (nl)", "Profile name (nl)"), Text("name_en", "Profielnaam (en)", "Profile name (en)", "no English name"),
                Int("size", "Aantal school × meetmoment", "School × wave points", unit: "points"),
                Num("mean_jaccard", "Gemiddelde Jaccard-stabiliteit", "Mean Jaccard stability", "not computed", "0–1"),
                Bool("stable", "Stabiel", "Stable"), s.Scale(), Num("z", "Centrum (z)", "Centre (z)", "never empty", "z units"),
                Num("mean", "Centrum (schaalpunten)", "Centre (scale points)", "never empty", Points),
            ]),
            new("profile_selection", T("Keuze van het aantal profielen", "Choice of the number of profiles"), "one candidate number of profiles k",
            [
                Int("k", "Aantal profielen", "Number of profiles"), Num("silhouette", "Silhouet", "Silhouette", "not computable"),
                Num("davies_bouldin", "Davies-Bouldin", "Davies-Bouldin", "not computable"), Num("calinski_harabasz", "Calinski-Harabasz", "Calinski-Harabasz", "not computable"),
                Num("within_ss", "Kwadratensom binnen profielen", "Within sum of squares", "not computable"),
                Num("stability_ari", "Stabiliteit (ARI)", "Stability (ARI)", "not computed"), Int("resamples", "Aantal hersteekproeven", "Resamples"),
                Bool("chosen", "Gekozen", "Chosen"),
            ]),
            new("profile_transitions", T("Profielovergangen", "Profile transitions"), "one network, pair of waves and pair of profiles",
            [
                s.Network(), s.Wave("from_wave", T("Van meetmoment", "From wave")), s.Wave("to_wave", T("Naar meetmoment", "To wave")),
                Int("from_profile", "Van profiel", "From profile"), Int("to_profile", "Naar profiel", "To profile"), Int("count", "Aantal scholen", "Schools", unit: "schools"),
                Text("schools", "Scholen", "Schools", width: 32767) with { Values = "space-separated school ids" },
            ]),
            new("profiles_left_out", T("Scholen zonder profiel", "Schools without a profile"), "one school and wave left out of the profiles",
            [
                s.School(), s.Wave(), Text("reason", "Reden", "Reason", width: 1000),
            ]),
        ];

        IEnumerable<DatasetColumn> WideColumns(Wave w) =>
        [
            Int(Wide("n", w.Id.Value), $"Aantal ({w.Id})", $"n ({w.Id})", Suppression, "scores"),
            Num(Wide("mean", w.Id.Value), $"Gemiddelde ({w.Id})", $"Mean ({w.Id})", Suppression, Points),
            Num(Wide("sd", w.Id.Value), $"Standaardafwijking ({w.Id})", $"Standard deviation ({w.Id})", Suppression, Points),
            Num(Wide("se", w.Id.Value), $"Standaardfout ({w.Id})", $"Standard error ({w.Id})", Suppression, Points),
            Num(Wide("ci_low", w.Id.Value), $"Ondergrens BI ({w.Id})", $"CI lower bound ({w.Id})", Suppression, Points),
            Num(Wide("ci_high", w.Id.Value), $"Bovengrens BI ({w.Id})", $"CI upper bound ({w.Id})", Suppression, Points),
            new(Wide("suppressed", w.Id.Value), ColumnKind.Boolean, T($"Verborgen ({w.Id})", $"Suppressed ({w.Id})"), "no row for that wave"),
        ];
    }
}
