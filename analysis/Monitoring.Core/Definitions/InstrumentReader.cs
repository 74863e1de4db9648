using System.Text.Json;
using Monitoring.Core.Instruments;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Definitions;

/// <summary>Reads one instrument file; items and scales are checked against the instrument itself here, and against the whole study by the loader.</summary>
internal static class InstrumentReader
{
    private sealed record RawScale(string Id, LocalizedText Name, List<string> Items, List<string> Reverse, double Share, ScoringMethod Scoring, string? Parent, string Path);

    public static Instrument? Read(JsonWalker json, JsonElement root)
    {
        const string path = "$";
        if (root.ValueKind != JsonValueKind.Object)
        {
            json.Problem(path, "wrong-type", "An instrument file must hold one JSON object.");
            return null;
        }
        json.RejectUnknown(root, path, "id", "version", "name", "notice", "responseFormats", "items", "scales");
        var id = json.Id(root, "id", path);
        var version = json.String(root, "version", path, required: true);
        var name = json.Text(root, "name", path);
        var notice = root.TryGetProperty("notice", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;

        var formats = ReadFormats(json, root, path, out var declaredFormats);
        var items = ReadItems(json, root, path, formats, declaredFormats, id);
        var scales = new List<RawScale>();
        var scalesPath = JsonWalker.Child(path, "scales");
        var scaleElements = json.Array(root, "scales", path, required: true, nonEmpty: true);
        for (var i = 0; i < scaleElements.Count; i++)
            ReadScale(json, scaleElements[i], JsonWalker.Index(scalesPath, i), parent: null, items, scales);

        var reverseOf = ReverseKeying(json, scales);
        if (id is null || version is null || name is null || items.Any(i => i.Item is null) || scales.Count == 0)
            return null;

        var instrumentId = new InstrumentId(id);
        var order = items.Select((item, index) => (item.Item!.Id, index)).ToDictionary(p => p.Id.Value, p => p.index);
        var builtItems = items.Select(i => i.Item! with { Instrument = instrumentId, IsReverseKeyed = reverseOf.GetValueOrDefault(i.Item!.Id.Value) }).ToArray();
        var builtScales = new List<Scale>();
        foreach (var scale in scales)
        {
            if (scale.Items.Count == 0 || scale.Items.Any(i => !order.ContainsKey(i))) return null;
            var ordered = scale.Items.OrderBy(i => order[i]).Select(i => new ItemId(i)).ToArray();
            var reverse = scale.Reverse.Where(order.ContainsKey).OrderBy(i => order[i]).Select(i => new ItemId(i)).ToArray();
            builtScales.Add(new Scale(new ScaleId(scale.Id), instrumentId, scale.Name, ordered, reverse, scale.Share, scale.Scoring,
                scale.Parent is null ? null : new ScaleId(scale.Parent)));
        }
        return new Instrument(instrumentId, version, name, notice, builtItems, builtScales);
    }

    /// <summary>All scales' ids with their paths, for the study-wide uniqueness check.</summary>
    public static IEnumerable<(string Id, string Path)> ScaleIds(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("scales", out var scales) || scales.ValueKind != JsonValueKind.Array)
            yield break;
        foreach (var pair in Walk(scales, "$.scales")) yield return pair;

        static IEnumerable<(string, string)> Walk(JsonElement array, string path)
        {
            var i = 0;
            foreach (var scale in array.EnumerateArray())
            {
                var scalePath = JsonWalker.Index(path, i++);
                if (scale.ValueKind != JsonValueKind.Object) continue;
                if (scale.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                    yield return (id.GetString()!, JsonWalker.Child(scalePath, "id"));
                if (scale.TryGetProperty("subscales", out var subs) && subs.ValueKind == JsonValueKind.Array)
                    foreach (var pair in Walk(subs, JsonWalker.Child(scalePath, "subscales"))) yield return pair;
            }
        }
    }

    /// <summary>The valid formats; <paramref name="declared"/> gets the id of every format, valid or not, so items that use a broken format are not also reported.</summary>
    private static Dictionary<string, ResponseFormat> ReadFormats(JsonWalker json, JsonElement root, string path, out HashSet<string> declared)
    {
        var formats = new Dictionary<string, ResponseFormat>();
        declared = [];
        var formatsPath = JsonWalker.Child(path, "responseFormats");
        var elements = json.Array(root, "responseFormats", path, required: true, nonEmpty: true);
        for (var i = 0; i < elements.Count; i++)
        {
            var p = JsonWalker.Index(formatsPath, i);
            var element = elements[i];
            if (element.ValueKind != JsonValueKind.Object) { json.Problem(p, "wrong-type", "A response format must be an object."); continue; }
            json.RejectUnknown(element, p, "id", "min", "max", "labels");
            if (element.TryGetProperty("id", out var declaredId) && declaredId.ValueKind == JsonValueKind.String) declared.Add(declaredId.GetString()!);
            var id = json.Id(element, "id", p);
            var min = json.Int(element, "min", p, required: true);
            var max = json.Int(element, "max", p, required: true);
            if (min is not null && max is not null && min >= max)
            {
                json.Problem(JsonWalker.Child(p, "min"), "min-not-below-max", $"min ({min}) must be below max ({max}).");
                min = null;
            }
            var labels = new List<ResponseLabel>();
            var labelsPath = JsonWalker.Child(p, "labels");
            var labelElements = json.Array(element, "labels", p, required: false);
            for (var j = 0; j < labelElements.Count; j++)
            {
                var lp = JsonWalker.Index(labelsPath, j);
                var label = labelElements[j];
                if (label.ValueKind != JsonValueKind.Object) { json.Problem(lp, "wrong-type", "A label must be an object."); continue; }
                json.RejectUnknown(label, lp, "value", "nl", "en");
                var value = json.Int(label, "value", lp, required: true);
                var nl = json.String(label, "nl", lp, required: false);
                if (nl is null) json.Problem(JsonWalker.Child(lp, "nl"), "missing-dutch", "The label's Dutch text ('nl') is missing or empty.");
                var en = label.TryGetProperty("en", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                if (value is null || nl is null) continue;
                if (min is not null && max is not null && (value < min || value > max))
                    json.Problem(JsonWalker.Child(lp, "value"), "label-out-of-range", $"Label value {value} is outside {min}–{max}.");
                else if (labels.Any(l => l.Value == value))
                    json.Problem(JsonWalker.Child(lp, "value"), "duplicate-label", $"Value {value} is labelled twice.");
                else
                    labels.Add(new ResponseLabel(value.Value, new LocalizedText(nl, en)));
            }
            if (id is null || min is null || max is null) continue;
            if (!formats.TryAdd(id, new ResponseFormat(id, min.Value, max.Value, labels.OrderBy(l => l.Value).ToArray())))
                json.Problem(JsonWalker.Child(p, "id"), "duplicate-id", $"Response format '{id}' is defined twice.");
        }
        return formats;
    }

    private sealed record RawItem(Item? Item, string Path);

    private static List<RawItem> ReadItems(JsonWalker json, JsonElement root, string path, Dictionary<string, ResponseFormat> formats, HashSet<string> declaredFormats, string? instrument)
    {
        var items = new List<RawItem>();
        var itemsPath = JsonWalker.Child(path, "items");
        var elements = json.Array(root, "items", path, required: true, nonEmpty: true);
        var seen = new HashSet<string>();
        for (var i = 0; i < elements.Count; i++)
        {
            var p = JsonWalker.Index(itemsPath, i);
            var element = elements[i];
            if (element.ValueKind != JsonValueKind.Object) { json.Problem(p, "wrong-type", "An item must be an object."); items.Add(new RawItem(null, p)); continue; }
            json.RejectUnknown(element, p, "id", "text", "format");
            var id = json.Id(element, "id", p, variable: true);
            var text = json.Text(element, "text", p);
            var formatId = json.String(element, "format", p, required: true);
            ResponseFormat? format = null;
            if (formatId is not null && !formats.TryGetValue(formatId, out format) && !declaredFormats.Contains(formatId))
                json.Problem(JsonWalker.Child(p, "format"), "unknown-format", $"Item '{id}' uses response format '{formatId}', which this instrument does not define.");
            var duplicate = id is not null && !seen.Add(id);
            if (duplicate)
                json.Problem(JsonWalker.Child(p, "id"), "duplicate-id", $"Item '{id}' is defined twice in this instrument.");
            var ok = id is not null && !duplicate && text is not null && format is not null;
            items.Add(new RawItem(ok ? new Item(new ItemId(id!), new InstrumentId(instrument ?? "?"), text!, format!, false) : null, p));
        }
        return items;
    }

    private static void ReadScale(JsonWalker json, JsonElement element, string p, RawScale? parent, List<RawItem> items, List<RawScale> scales)
    {
        if (element.ValueKind != JsonValueKind.Object) { json.Problem(p, "wrong-type", "A scale must be an object."); return; }
        json.RejectUnknown(element, p, "id", "name", "items", "reverse", "minAnsweredShare", "scoring", "subscales");
        var id = json.Id(element, "id", p, variable: true);
        var name = json.Text(element, "name", p);
        var known = items.Where(i => i.Item is not null).Select(i => i.Item!.Id.Value).ToHashSet();
        var allKnown = items.All(i => i.Item is not null);

        var members = new List<string>();
        var itemsPath = JsonWalker.Child(p, "items");
        var memberElements = json.Array(element, "items", p, required: true, nonEmpty: true);
        for (var i = 0; i < memberElements.Count; i++)
        {
            var ip = JsonWalker.Index(itemsPath, i);
            var item = json.String(memberElements[i], ip);
            if (item is null) continue;
            if (!known.Contains(item))
            {
                if (allKnown) json.Problem(ip, "unknown-item", $"Scale '{id}' lists item '{item}', which this instrument does not define.");
                continue;
            }
            if (members.Contains(item)) { json.Problem(ip, "duplicate-item", $"Scale '{id}' lists item '{item}' twice."); continue; }
            if (parent is not null && !parent.Items.Contains(item))
                json.Problem(ip, "subscale-item-not-in-parent", $"Subscale '{id}' lists item '{item}', which its parent scale '{parent.Id}' does not have.");
            members.Add(item);
        }

        var reverse = new List<string>();
        var reversePath = JsonWalker.Child(p, "reverse");
        var reverseElements = json.Array(element, "reverse", p, required: false);
        for (var i = 0; i < reverseElements.Count; i++)
        {
            var rp = JsonWalker.Index(reversePath, i);
            var item = json.String(reverseElements[i], rp);
            if (item is null) continue;
            if (!memberElements.Any(m => m.ValueKind == JsonValueKind.String && m.GetString() == item))
                json.Problem(rp, "reverse-not-in-scale", $"Scale '{id}' reverse-keys item '{item}', which is not one of the scale's items.");
            else if (!reverse.Contains(item))
                reverse.Add(item);
        }

        var share = json.Double(element, "minAnsweredShare", p, 0, 1, minExclusive: true, maxExclusive: false) ?? 0.5;
        var scoring = ScoringMethod.Mean;
        var scoringText = json.String(element, "scoring", p, required: false);
        if (scoringText is not null && !Enum.TryParse(scoringText, ignoreCase: true, out scoring))
            json.Problem(JsonWalker.Child(p, "scoring"), "unknown-scoring", $"Scoring '{scoringText}' is not known; use \"mean\" or \"sum\".");

        RawScale? scale = null;
        if (id is not null && name is not null)
        {
            scale = new RawScale(id, name, members, reverse, share, scoring, parent?.Id, p);
            scales.Add(scale);
        }
        var subsPath = JsonWalker.Child(p, "subscales");
        var subs = json.Array(element, "subscales", p, required: false);
        for (var i = 0; i < subs.Count; i++)
            ReadScale(json, subs[i], JsonWalker.Index(subsPath, i), scale ?? parent, items, scales);
    }

    /// <summary>Each item's reverse keying; an item must be keyed the same way in every scale that has it.</summary>
    private static Dictionary<string, bool> ReverseKeying(JsonWalker json, List<RawScale> scales)
    {
        var keyed = new Dictionary<string, (bool Reverse, string Scale)>();
        foreach (var scale in scales)
            foreach (var item in scale.Items)
            {
                var reverse = scale.Reverse.Contains(item);
                if (!keyed.TryGetValue(item, out var first))
                    keyed[item] = (reverse, scale.Id);
                else if (first.Reverse != reverse)
                    json.Problem(JsonWalker.Child(scale.Path, "reverse"), "inconsistent-reverse",
                        $"Item '{item}' is {(reverse ? "" : "not ")}reverse-keyed in scale '{scale.Id}' but {(first.Reverse ? "" : "not ")}in scale '{first.Scale}'; an item is keyed one way in every scale.");
            }
        return keyed.ToDictionary(p => p.Key, p => p.Value.Reverse);
    }
}
