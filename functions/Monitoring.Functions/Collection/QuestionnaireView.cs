using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;

namespace Monitoring.Functions.Collection;

/// <summary>The body of GET /api/questionnaires/{token}: what the page needs, in one language.</summary>
internal sealed record QuestionnaireView(
    QuestionnaireView.Named Study,
    QuestionnaireView.WaveView Wave,
    QuestionnaireView.Named School,
    string Language,
    int MaxRequestBodyBytes,
    IReadOnlyList<QuestionnaireView.Named> Roles,
    IReadOnlyList<QuestionnaireView.LinkageView> Linkage,
    IReadOnlyList<QuestionnaireView.InstrumentView> Instruments,
    string Access)
{
    public sealed record Named(string Id, string Name);

    public sealed record WaveView(string Id, string Name, DateTimeOffset Opens, DateTimeOffset Closes);

    public sealed record LinkageView(string Id, string Text, string Hint, string Kind, int? Length, int? Min, int? Max);

    public sealed record InstrumentView(string Id, string Name, IReadOnlyList<ItemView> Items);

    public sealed record ItemView(string Id, string Text, string Format, int Min, int Max, IReadOnlyList<LabelView> Labels);

    public sealed record LabelView(int Value, string Text);

    public static QuestionnaireView Of(Study study, Wave wave, School school, string language, int maxBody) => new(
        new Named(study.Id.Value, study.Name.In(language)),
        new WaveView(wave.Id.Value, wave.Name.In(language), wave.Opens, wave.Closes),
        new Named(school.Id.Value, school.Name),
        language,
        maxBody,
        study.Roles.Select(r => new Named(r.Id.Value, r.Name.In(language))).ToArray(),
        LinkageQuestions.All.Select(q => q.Kind == LinkageAnswerKind.Letters
            ? new LinkageView(q.Id, q.Text.In(language), q.Hint.In(language), "letters", q.Length, null, null)
            : new LinkageView(q.Id, q.Text.In(language), q.Hint.In(language), "number", null, q.Min, q.Max)).ToArray(),
        wave.Instruments.Select(id => study.FindInstrument(id)!).Select(instrument => new InstrumentView(
            instrument.Id.Value,
            instrument.Name.In(language),
            instrument.Items.Select(item => new ItemView(
                item.Id.Value,
                item.Text.In(language),
                $"{instrument.Id}/{item.Format.Id}",
                item.Format.Min,
                item.Format.Max,
                Enumerable.Range(item.Format.Min, item.Format.Max - item.Format.Min + 1)
                    .Select(v => new LabelView(v, item.Format.Labels.FirstOrDefault(l => l.Value == v)?.Text.In(language) ?? v.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                    .ToArray())).ToArray())).ToArray(),
        wave.Access == WaveAccess.Closed ? "closed" : "open");
}
