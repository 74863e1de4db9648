using System.Text.Json;
using Monitoring.Core.Settings;

namespace Monitoring.Core.Definitions;

/// <summary>Reads the optional "analysis" object of study.json; every absent value keeps its documented default.</summary>
internal static class AnalysisSettingsReader
{
    public static AnalysisSettings Read(JsonWalker json, JsonElement study, string path)
    {
        var defaults = new AnalysisSettings();
        if (!json.TryObject(study, "analysis", path, required: false, out var a)) return defaults;
        var p = JsonWalker.Child(path, "analysis");
        json.RejectUnknown(a, p, "privacyThreshold", "privacy", "confidenceLevel", "reliabilityMissing", "cleaning", "profiles", "invariance");

        var missing = defaults.ReliabilityMissing;
        var missingText = json.String(a, "reliabilityMissing", p, required: false);
        if (missingText is not null && !Enum.TryParse(missingText, ignoreCase: true, out missing))
            json.Problem(JsonWalker.Child(p, "reliabilityMissing"), "unknown-convention", $"'{missingText}' is not known; use \"pairwise\" or \"listwise\".");

        return defaults with
        {
            PrivacyThreshold = json.Int(a, "privacyThreshold", p, required: false, min: 1) ?? defaults.PrivacyThreshold,
            Privacy = ReadPrivacy(json, a, p, defaults.Privacy),
            ConfidenceLevel = json.Double(a, "confidenceLevel", p, 0, 1, minExclusive: true, maxExclusive: true) ?? defaults.ConfidenceLevel,
            ReliabilityMissing = missing,
            Cleaning = ReadCleaning(json, a, p, defaults.Cleaning),
            Profiles = ReadProfiles(json, a, p, defaults.Profiles),
            Invariance = ReadInvariance(json, a, p, defaults.Invariance),
        };
    }

    private static InvarianceSettings ReadInvariance(JsonWalker json, JsonElement analysis, string path, InvarianceSettings d)
    {
        if (!json.TryObject(analysis, "invariance", path, required: false, out var i)) return d;
        var p = JsonWalker.Child(path, "invariance");
        json.RejectUnknown(i, p, "maxCfiDrop", "maxRmseaRise");
        return d with
        {
            MaxCfiDrop = json.Double(i, "maxCfiDrop", p, 0, 1, minExclusive: false, maxExclusive: false) ?? d.MaxCfiDrop,
            MaxRmseaRise = json.Double(i, "maxRmseaRise", p, 0, 1, minExclusive: false, maxExclusive: false) ?? d.MaxRmseaRise,
        };
    }

    private static PrivacySettings ReadPrivacy(JsonWalker json, JsonElement analysis, string path, PrivacySettings d)
    {
        if (!json.TryObject(analysis, "privacy", path, required: false, out var pr)) return d;
        var p = JsonWalker.Child(path, "privacy");
        json.RejectUnknown(pr, p, "maxResponsesPerStaff", "extraResponses");
        return d with
        {
            MaxResponsesPerStaff = json.Double(pr, "maxResponsesPerStaff", p, 0, 100, minExclusive: true, maxExclusive: false) ?? d.MaxResponsesPerStaff,
            ExtraResponses = json.Int(pr, "extraResponses", p, required: false, min: 0) ?? d.ExtraResponses,
        };
    }

    private static CleaningSettings ReadCleaning(JsonWalker json, JsonElement analysis, string path, CleaningSettings d)
    {
        if (!json.TryObject(analysis, "cleaning", path, required: false, out var c)) return d;
        var p = JsonWalker.Child(path, "cleaning");
        json.RejectUnknown(c, p, "duplicates", "outsideWindow", "speeders", "straightLiners", "incomplete");
        var result = d;
        if (Rule(json, c, "duplicates", p, out var rule, out var rp))
        {
            json.RejectUnknown(rule, rp, "enabled");
            result = result with { Duplicates = json.Bool(rule, "enabled", rp) ?? d.Duplicates };
        }
        if (Rule(json, c, "outsideWindow", p, out rule, out rp))
        {
            json.RejectUnknown(rule, rp, "enabled");
            result = result with { OutsideWindow = json.Bool(rule, "enabled", rp) ?? d.OutsideWindow };
        }
        if (Rule(json, c, "speeders", p, out rule, out rp))
        {
            json.RejectUnknown(rule, rp, "enabled", "minSecondsPerItem");
            result = result with
            {
                Speeders = json.Bool(rule, "enabled", rp) ?? d.Speeders,
                MinSecondsPerItem = json.Double(rule, "minSecondsPerItem", rp, 0, 3600, minExclusive: true, maxExclusive: false) ?? d.MinSecondsPerItem,
            };
        }
        if (Rule(json, c, "straightLiners", p, out rule, out rp))
        {
            json.RejectUnknown(rule, rp, "enabled", "minItems");
            result = result with
            {
                StraightLiners = json.Bool(rule, "enabled", rp) ?? d.StraightLiners,
                StraightLineMinItems = json.Int(rule, "minItems", rp, required: false, min: 2) ?? d.StraightLineMinItems,
            };
        }
        if (Rule(json, c, "incomplete", p, out rule, out rp))
        {
            json.RejectUnknown(rule, rp, "enabled", "minAnsweredShare");
            result = result with
            {
                Incomplete = json.Bool(rule, "enabled", rp) ?? d.Incomplete,
                MinAnsweredShare = json.Double(rule, "minAnsweredShare", rp, 0, 1, minExclusive: true, maxExclusive: false) ?? d.MinAnsweredShare,
            };
        }
        return result;
    }

    private static bool Rule(JsonWalker json, JsonElement cleaning, string name, string path, out JsonElement rule, out string rulePath)
    {
        rulePath = JsonWalker.Child(path, name);
        return json.TryObject(cleaning, name, path, required: false, out rule);
    }

    private static ProfileSettings ReadProfiles(JsonWalker json, JsonElement analysis, string path, ProfileSettings d)
    {
        if (!json.TryObject(analysis, "profiles", path, required: false, out var pr)) return d;
        var p = JsonWalker.Child(path, "profiles");
        json.RejectUnknown(pr, p, "seed", "minK", "maxK", "k", "restarts", "bootstrapResamples", "stabilityThreshold");
        var result = d with
        {
            Seed = json.Int(pr, "seed", p, required: false) ?? d.Seed,
            MinK = json.Int(pr, "minK", p, required: false, min: 2, max: 50) ?? d.MinK,
            MaxK = json.Int(pr, "maxK", p, required: false, min: 2, max: 50) ?? d.MaxK,
            ForcedK = json.Int(pr, "k", p, required: false, min: 2, max: 50),
            Restarts = json.Int(pr, "restarts", p, required: false, min: 1, max: 1000) ?? d.Restarts,
            BootstrapResamples = json.Int(pr, "bootstrapResamples", p, required: false, min: 1, max: 100_000) ?? d.BootstrapResamples,
            StabilityThreshold = json.Double(pr, "stabilityThreshold", p, 0, 1, minExclusive: false, maxExclusive: false) ?? d.StabilityThreshold,
        };
        if (result.MinK > result.MaxK)
            json.Problem(JsonWalker.Child(p, "minK"), "min-not-below-max", $"minK ({result.MinK}) must not exceed maxK ({result.MaxK}).");
        else if (result.ForcedK is { } k && (k < result.MinK || k > result.MaxK))
            json.Problem(JsonWalker.Child(p, "k"), "out-of-range", $"k = {k} is outside [minK, maxK] = [{result.MinK}, {result.MaxK}].");
        return result;
    }
}
