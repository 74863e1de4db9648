using Monitoring.Core.Instruments;
using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Datasets.Tables;

/// <summary>The columns that take their values from the study definition: ids with their names, items with their answers, scale scores.</summary>
internal sealed class StudyColumns(Study study)
{
    private static LocalizedText T(string nl, string en) => new(nl, en);

    public DatasetColumn School(string name = "school", string missing = "never empty") =>
        new(name, ColumnKind.Code, T("School", "School"), missing)
        {
            Values = "school ids (organisation.json)",
            ValueLabels = study.Schools.Select(s => new CodeLabel(s.Id.Value, new LocalizedText(s.Name))).ToArray(),
        };

    public DatasetColumn Network(string name = "network", string missing = "never empty") =>
        new(name, ColumnKind.Code, T("Netwerk", "Network"), missing)
        {
            Values = "network ids (organisation.json)",
            ValueLabels = study.Networks.Select(n => new CodeLabel(n.Id.Value, new LocalizedText(n.Name))).ToArray(),
        };

    public DatasetColumn Trajectory(string name = "trajectory") =>
        new(name, ColumnKind.Code, T("Traject", "Trajectory"), "never empty")
        {
            Values = string.Join(", ", study.Trajectories.Select(t => t.Id.Value)),
            ValueLabels = study.Trajectories.Select(t => new CodeLabel(t.Id.Value, new LocalizedText(t.Name))).ToArray(),
        };

    public DatasetColumn Wave(string name = "wave", LocalizedText? label = null) =>
        new(name, ColumnKind.Code, label ?? T("Meetmoment", "Wave"), "never empty")
        {
            Values = string.Join(", ", study.Waves.Select(w => w.Id.Value)),
            ValueLabels = study.Waves.Select(w => new CodeLabel(w.Id.Value, w.Name)).ToArray(),
            ShowLabels = true,
        };

    public DatasetColumn Role() =>
        new("role", ColumnKind.Code, T("Functie", "Role"), "never empty")
        {
            Values = string.Join(", ", study.Roles.Select(r => r.Id.Value)),
            ValueLabels = study.Roles.Select(r => new CodeLabel(r.Id.Value, r.Name)).ToArray(),
            ShowLabels = true,
        };

    public DatasetColumn Scale(string name = "scale") =>
        new(name, ColumnKind.Code, T("Schaal", "Scale"), "never empty")
        {
            Values = "scale ids (instruments)",
            ValueLabels = study.Scales.Select(s => new CodeLabel(s.Id.Value, s.Name)).ToArray(),
        };

    public DatasetColumn Item(Item item)
    {
        var labels = item.IsReverseKeyed
            ? item.Format.Labels.Select(l => l with { Value = item.Format.Min + item.Format.Max - l.Value }).OrderBy(l => l.Value).ToArray()
            : item.Format.Labels;
        return new DatasetColumn(item.Id.Value, ColumnKind.Item, item.Text, "not answered")
        {
            Unit = $"answer {item.Format.Min}–{item.Format.Max}",
            Values = $"{item.Format.Min}..{item.Format.Max}",
            ValueLabels = labels.Select(l => new CodeLabel(l.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), l.Text)).ToArray(),
            Scales = string.Join(" ", study.Scales.Where(s => s.Items.Contains(item.Id)).Select(s => s.Id.Value)),
            ReverseKeyed = item.IsReverseKeyed,
        };
    }

    public DatasetColumn Score(Scale scale)
    {
        var range = study.FindItem(scale.Items[0])!.Format;
        var factor = scale.Scoring == ScoringMethod.Sum ? scale.Items.Count : 1;
        return new DatasetColumn(scale.Id.Value, ColumnKind.Number, scale.Name, $"fewer than {scale.MinAnsweredItems} of {scale.Items.Count} items answered")
        {
            Unit = scale.Scoring == ScoringMethod.Sum ? "sum of the item scores" : "mean of the answered item scores",
            Values = $"{range.Min * factor}..{range.Max * factor}",
            Scales = scale.Parent?.Value ?? "",
        };
    }

    public DatasetColumn PanelScore(Scale scale, Wave wave) =>
        new(DatasetColumns.PanelScore(scale.Id.Value, wave.Id.Value), ColumnKind.Number,
            new LocalizedText($"{scale.Name.Nl} ({wave.Id})", $"{scale.Name.En ?? scale.Name.Nl} ({wave.Id})"), "no kept response in that wave, or no score in it")
        {
            Unit = scale.Scoring == ScoringMethod.Sum ? "sum of the item scores" : "mean of the answered item scores",
            Scales = scale.Id.Value,
        };
}
