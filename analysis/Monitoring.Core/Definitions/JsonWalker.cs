using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Definitions;

/// <summary>
/// Reads typed values out of one JSON file, recording a <see cref="DefinitionProblem"/> with the
/// file and JSON path for every shape error instead of stopping at the first.
/// </summary>
internal sealed partial class JsonWalker(string file, List<DefinitionProblem> problems)
{
    public string File { get; } = file;

    public void Problem(string path, string code, string message) => problems.Add(new DefinitionProblem(File, path, code, message));

    /// <summary>Reports properties of <paramref name="obj"/> that are not in <paramref name="known"/> (catches typos).</summary>
    public void RejectUnknown(JsonElement obj, string path, params string[] known)
    {
        foreach (var property in obj.EnumerateObject())
            if (property.Name != "$schema" && System.Array.IndexOf(known, property.Name) < 0)
                Problem(Child(path, property.Name), "unknown-property",
                    $"Unknown property '{property.Name}'; expected one of: {string.Join(", ", known)}.");
    }

    public static string Child(string path, string name) => $"{path}.{name}";

    /// <summary>
    /// The "id" text of every object in the array <paramref name="name"/> of <paramref name="parent"/>, valid or not:
    /// references to an entry that is broken for another reason then resolve, so one mistake gives one problem.
    /// </summary>
    public static HashSet<string> DeclaredIds(JsonElement parent, string name)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var elements) && elements.ValueKind == JsonValueKind.Array)
            foreach (var e in elements.EnumerateArray())
                if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                    ids.Add(id.GetString()!);
        return ids;
    }

    public static string Index(string path, int index) => $"{path}[{index}]";

    public bool TryObject(JsonElement parent, string name, string path, bool required, out JsonElement value)
    {
        value = default;
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            if (required) Problem(Child(path, name), "missing", $"Required object '{name}' is missing.");
            return false;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            Problem(Child(path, name), "wrong-type", $"'{name}' must be an object, not {Describe(element)}.");
            return false;
        }
        value = element;
        return true;
    }

    /// <summary>The array's elements, or an empty list (with a problem when required or of the wrong type).</summary>
    public IReadOnlyList<JsonElement> Array(JsonElement parent, string name, string path, bool required, bool nonEmpty = false)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            if (required) Problem(Child(path, name), "missing", $"Required array '{name}' is missing.");
            return [];
        }
        if (element.ValueKind != JsonValueKind.Array)
        {
            Problem(Child(path, name), "wrong-type", $"'{name}' must be an array, not {Describe(element)}.");
            return [];
        }
        var items = element.EnumerateArray().ToList();
        if (nonEmpty && items.Count == 0)
            Problem(Child(path, name), "empty", $"'{name}' must have at least one entry.");
        return items;
    }

    public string? String(JsonElement parent, string name, string path, bool required)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            if (required) Problem(Child(path, name), "missing", $"Required text '{name}' is missing.");
            return null;
        }
        return String(element, Child(path, name));
    }

    public string? String(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            Problem(path, "wrong-type", $"Must be a text, not {Describe(element)}.");
            return null;
        }
        var text = element.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            Problem(path, "empty", "Must not be empty.");
            return null;
        }
        return text;
    }

    /// <summary>An id that must match <see cref="OrganisationId"/> (or <see cref="VariableId"/> when <paramref name="variable"/>).</summary>
    public string? Id(JsonElement parent, string name, string path, bool variable = false)
    {
        var id = String(parent, name, path, required: true);
        return id is null ? null : CheckId(id, Child(path, name), variable);
    }

    public string? Id(JsonElement element, string path, bool variable = false)
    {
        var id = String(element, path);
        return id is null ? null : CheckId(id, path, variable);
    }

    private string? CheckId(string id, string path, bool variable)
    {
        if (variable ? VariableId().IsMatch(id) : OrganisationId().IsMatch(id)) return id;
        Problem(path, "bad-id", variable
            ? $"'{id}' is not a valid variable id: use a lower-case letter, then up to 31 lower-case letters, digits or '_' (it becomes a CSV column and an R/SPSS variable name)."
            : $"'{id}' is not a valid id: use letters, digits, '-' and '_', starting with a letter or digit.");
        return null;
    }

    public int? Int(JsonElement parent, string name, string path, bool required, int min = int.MinValue, int max = int.MaxValue)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            if (required) Problem(Child(path, name), "missing", $"Required whole number '{name}' is missing.");
            return null;
        }
        return Int(element, Child(path, name), min, max);
    }

    public int? Int(JsonElement element, string path, int min = int.MinValue, int max = int.MaxValue)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var value))
        {
            Problem(path, "wrong-type", $"Must be a whole number, not {Describe(element)}.");
            return null;
        }
        if (value < min || value > max)
        {
            Problem(path, "out-of-range", $"{value} is outside the allowed range {Range(min, max)}.");
            return null;
        }
        return value;
    }

    /// <summary>A number in the open-or-closed interval given; <paramref name="minExclusive"/> excludes <paramref name="min"/>.</summary>
    public double? Double(JsonElement parent, string name, string path, double min, double max, bool minExclusive, bool maxExclusive)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return null;
        if (element.ValueKind != JsonValueKind.Number)
        {
            Problem(Child(path, name), "wrong-type", $"'{name}' must be a number, not {Describe(element)}.");
            return null;
        }
        var value = element.GetDouble();
        var tooLow = minExclusive ? value <= min : value < min;
        var tooHigh = maxExclusive ? value >= max : value > max;
        if (tooLow || tooHigh)
        {
            var interval = $"{(minExclusive ? "(" : "[")}{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}{(maxExclusive ? ")" : "]")}";
            Problem(Child(path, name), "out-of-range", $"'{name}' = {value.ToString(CultureInfo.InvariantCulture)} is outside {interval}.");
            return null;
        }
        return value;
    }

    public bool? Bool(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return null;
        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False) return element.GetBoolean();
        Problem(Child(path, name), "wrong-type", $"'{name}' must be true or false, not {Describe(element)}.");
        return null;
    }

    public DateTimeOffset? Instant(JsonElement parent, string name, string path)
    {
        var text = String(parent, name, path, required: true);
        if (text is null) return null;
        if (!OffsetTimestamp().IsMatch(text) ||
            !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            Problem(Child(path, name), "bad-timestamp",
                $"'{text}' is not an ISO 8601 date-time with an offset, e.g. 2021-10-04T00:00:00+02:00.");
            return null;
        }
        return value;
    }

    /// <summary>A <c>{ "nl": …, "en": … }</c> object; Dutch is required.</summary>
    public LocalizedText? Text(JsonElement parent, string name, string path, bool required = true)
    {
        if (!TryObject(parent, name, path, required, out var obj)) return null;
        return Text(obj, Child(path, name));
    }

    public LocalizedText? Text(JsonElement obj, string path)
    {
        RejectUnknown(obj, path, "nl", "en");
        var nl = obj.TryGetProperty("nl", out var nlElement) ? nlElement : default;
        if (nl.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(nl.GetString()))
        {
            Problem(Child(path, "nl"), "missing-dutch", "The Dutch text ('nl') is missing or empty; Dutch is the default language.");
            return null;
        }
        string? en = null;
        if (obj.TryGetProperty("en", out var enElement) && enElement.ValueKind != JsonValueKind.Null)
            en = String(enElement, Child(path, "en"));
        return new LocalizedText(nl.GetString()!, en);
    }

    private static string Range(int min, int max) =>
        (min, max) switch
        {
            (int.MinValue, int.MaxValue) => "of whole numbers",
            (_, int.MaxValue) => $"≥ {min}",
            (int.MinValue, _) => $"≤ {max}",
            _ => $"{min}–{max}",
        };

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the text \"{element.GetString()}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    public static partial Regex OrganisationId();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,31}$")]
    public static partial Regex VariableId();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex OffsetTimestamp();
}
