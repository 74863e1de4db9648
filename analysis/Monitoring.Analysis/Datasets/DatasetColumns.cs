using Monitoring.Core.Studies;

namespace Monitoring.Analysis.Datasets;

/// <summary>Column names of the datasets, in one place (the codebook and the load scripts use them too).</summary>
internal static class DatasetColumns
{
    public static readonly string[] ResponseFixed =
        ["response_id", "school", "network", "trajectory", "wave", "role", "linkage_code", "started", "submitted", "language"];

    public static IEnumerable<string> Responses(Study study) =>
        ResponseFixed.Concat(study.Items.Select(i => i.Id.Value)).Concat(study.Scales.Select(s => s.Id.Value));

    public static readonly string[] PanelFixed = ["linkage_code", "school", "network", "trajectory", "role", "waves"];

    public static string PanelScore(string scale, string wave) => $"{scale}_{wave}";

    public static readonly string[] Aggregates =
        ["level", "unit", "unit_name", "wave", "scale", "n", "mean", "sd", "se", "ci_low", "ci_high", "suppressed", "suppression_reason"];

    public static readonly string[] Reliability = ["scale", "wave", "n", "k", "raw_alpha", "std_alpha", "average_r", "omega", "omega_n"];

    public static readonly string[] ItemStatistics = ["scale", "wave", "item", "n", "alpha_if_deleted", "r_drop"];

    public static readonly string[] Change =
        ["level", "unit", "scale", "from_wave", "to_wave", "n_from", "n_to", "mean_from", "mean_to", "difference", "ci_low", "ci_high", "cohens_d", "suppressed",
         "n_pairs", "panel_se", "panel_df", "panel_ci_low", "panel_ci_high", "panel_hedges_g",
         "paired_difference", "paired_ci_low", "paired_ci_high", "paired_dz", "paired_dav"];

    public static readonly string[] Clustered =
        ["level", "unit", "wave", "scale", "schools", "icc1", "design_effect", "se_clustered", "ci_low_clustered", "ci_high_clustered", "suppressed"];

    /// <summary>invariance.csv: one row per scale, grouping and invariance step.</summary>
    public static readonly string[] Invariance = ["scale", "grouping", "groups", "level", "n", "chisq", "df", "pvalue", "cfi", "tli",
        "rmsea", "rmsea_lower", "rmsea_upper", "srmr", "delta_cfi", "delta_rmsea", "holds"];

    public static readonly string[] Icc = ["scale", "wave", "n", "schools", "ms_between", "ms_within", "icc1", "icc2"];

    public static readonly string[] ResponseRates = ["school", "network", "wave", "responses", "staff", "rate", "suppressed", "suppression_reason"];

    public static readonly string[] CleaningLog = ["source_row", "response_id", "school", "wave", "rule", "detail"];
}
