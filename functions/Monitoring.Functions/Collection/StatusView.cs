namespace Monitoring.Functions.Collection;

/// <summary>
/// The body of GET /api/status/{token}: the school's response count and rate, both null (and
/// <see cref="Suppressed"/> true) while the count is below the privacy threshold. Never who answered.
/// </summary>
internal sealed record StatusView(
    QuestionnaireView.Named School,
    QuestionnaireView.WaveView Wave,
    bool IsOpen,
    int? Responses,
    int? Staff,
    double? Rate,
    bool Suppressed,
    int PrivacyThreshold);
