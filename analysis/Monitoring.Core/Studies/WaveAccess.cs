namespace Monitoring.Core.Studies;

/// <summary>Who may submit in a wave (study.json: a wave's <c>access</c>).</summary>
public enum WaveAccess
{
    /// <summary>Anyone with the school's questionnaire link (the default).</summary>
    Open,

    /// <summary>
    /// Only with a single-use access code per respondent, handed out by the school's contact person;
    /// each code is marked used when its submission is stored, and never linked to the response.
    /// </summary>
    Closed,
}
