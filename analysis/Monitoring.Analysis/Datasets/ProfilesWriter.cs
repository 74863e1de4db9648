using Monitoring.Core.Results;

namespace Monitoring.Analysis.Datasets;

/// <summary>The school-profile datasets: profiles.csv, profile_centroids.csv, profile_selection.csv, profile_transitions.csv, profiles_left_out.csv.</summary>
public static class ProfilesWriter
{
    /// <summary>The files, relative to the datasets folder.</summary>
    public static readonly string[] Files = ["profiles.csv", "profile_centroids.csv", "profile_selection.csv", "profile_transitions.csv", "profiles_left_out.csv"];

    /// <summary>Writes the profile files of <paramref name="profiles"/> into <paramref name="directory"/>.</summary>
    public static void Write(string directory, ProfileResults profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var names = profiles.Centroids.ToDictionary(c => c.Profile);
        using (var csv = CsvFiles.Create(Path.Combine(directory, "profiles.csv")))
        {
            CsvFiles.Header(csv, "school", "network", "wave", "profile", "profile_name_nl", "profile_name_en", "distance");
            foreach (var p in profiles.Profiles)
            {
                csv.WriteField(p.School.Value);
                csv.WriteField(p.Network?.Value ?? "");
                csv.WriteField(p.Wave.Value);
                csv.WriteField(p.Profile);
                csv.WriteField(names[p.Profile].Name.Nl);
                csv.WriteField(names[p.Profile].Name.En ?? "");
                CsvFiles.Number(csv, p.Distance);
                csv.EndRecord();
            }
        }
        using (var csv = CsvFiles.Create(Path.Combine(directory, "profile_centroids.csv")))
        {
            CsvFiles.Header(csv, "profile", "name_nl", "name_en", "size", "mean_jaccard", "stable", "scale", "z", "mean");
            foreach (var c in profiles.Centroids)
                foreach (var v in c.Values)
                {
                    csv.WriteField(c.Profile);
                    csv.WriteField(c.Name.Nl);
                    csv.WriteField(c.Name.En ?? "");
                    csv.WriteField(c.Size);
                    CsvFiles.Number(csv, c.MeanJaccard);
                    CsvFiles.Bool(csv, c.IsStable);
                    csv.WriteField(v.Scale.Value);
                    CsvFiles.Number(csv, v.Z);
                    CsvFiles.Number(csv, v.Mean);
                    csv.EndRecord();
                }
        }
        using (var csv = CsvFiles.Create(Path.Combine(directory, "profile_selection.csv")))
        {
            CsvFiles.Header(csv, "k", "silhouette", "davies_bouldin", "calinski_harabasz", "within_ss", "stability_ari", "resamples", "chosen", "bic");
            foreach (var s in profiles.Selection)
            {
                csv.WriteField(s.K);
                CsvFiles.Number(csv, s.Silhouette);
                CsvFiles.Number(csv, s.DaviesBouldin);
                CsvFiles.Number(csv, s.CalinskiHarabasz);
                CsvFiles.Number(csv, s.WithinSumOfSquares);
                CsvFiles.Number(csv, s.Stability);
                csv.WriteField(s.Resamples);
                CsvFiles.Bool(csv, s.IsChosen);
                CsvFiles.Number(csv, s.Bic);
                csv.EndRecord();
            }
        }
        using (var csv = CsvFiles.Create(Path.Combine(directory, "profile_transitions.csv")))
        {
            CsvFiles.Header(csv, "network", "from_wave", "to_wave", "from_profile", "to_profile", "count", "schools");
            foreach (var t in profiles.Transitions)
            {
                csv.WriteField(t.Network.Value);
                csv.WriteField(t.From.Value);
                csv.WriteField(t.To.Value);
                csv.WriteField(t.FromProfile);
                csv.WriteField(t.ToProfile);
                csv.WriteField(t.Count);
                csv.WriteField(string.Join(" ", t.Schools.Select(s => s.Value)));
                csv.EndRecord();
            }
        }
        using (var csv = CsvFiles.Create(Path.Combine(directory, "profiles_left_out.csv")))
        {
            CsvFiles.Header(csv, "school", "wave", "reason");
            foreach (var l in profiles.LeftOut)
            {
                csv.WriteField(l.School.Value);
                csv.WriteField(l.Wave.Value);
                csv.WriteField(l.Reason);
                csv.EndRecord();
            }
        }
    }
}
