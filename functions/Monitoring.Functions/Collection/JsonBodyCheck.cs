using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Monitoring.Core.Submissions;

namespace Monitoring.Functions.Collection;

/// <summary>
/// One forward pass over a request body, before anything reads its values: the JSON is well formed,
/// every string and key is valid text (UTF-8 without invalid bytes, no unpaired surrogate, raw or
/// escaped as <c>\ud800</c>), and no object repeats a key. Linear in the body's length; a bad body is
/// answered from here without building a document.
/// </summary>
internal static class JsonBodyCheck
{
    /// <summary>Null when the body passes; otherwise every problem found, with its field.</summary>
    public static List<SubmissionProblem>? Check(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        List<SubmissionProblem>? problems = null;
        // The path to the current value: one entry per open object (its current key) or array (its index).
        var path = new List<Step>();
        var keys = new List<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        Open(path, keys, isArray: false);
                        continue;
                    case JsonTokenType.StartArray:
                        Open(path, keys, isArray: true);
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                    {
                        var valid = IsValidText(ref reader);
                        var name = valid ? reader.GetString()! : Encoding.UTF8.GetString(reader.ValueSpan);
                        path[^1] = path[^1] with { Key = name };
                        if (!valid)
                            (problems ??= []).Add(new("invalid-text", Field(path),
                                "This key is not valid text (invalid UTF-8 or an unpaired surrogate such as \\ud800); send UTF-8 text."));
                        else if (!keys[path.Count - 1].Add(name))
                            (problems ??= []).Add(new("duplicate-field", Field(path), $"'{name}' appears more than once in the same object; send each field once.",
                                path.Count == 2 && path[0].Key == "answers" ? name : null));
                        continue; // the value that follows is at this key
                    }
                    case JsonTokenType.String:
                        if (!IsValidText(ref reader))
                            (problems ??= []).Add(new("invalid-text", Field(path),
                                "This value is not valid text (invalid UTF-8 or an unpaired surrogate such as \\ud800); send UTF-8 text."));
                        break;
                }
                // A value (or a closed container) is complete: inside an array, the next one has the next index.
                if (path.Count > 0 && path[^1].IsArray) path[^1] = path[^1] with { Index = path[^1].Index + 1 };
            }
        }
        catch (JsonException e)
        {
            return [new("invalid-json", "$",
                $"The body is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}): {e.Message.Split(" Path:")[0].Split(" LineNumber:")[0]}")];
        }
        return problems;
    }

    private readonly record struct Step(bool IsArray, string? Key, int Index);

    private static void Open(List<Step> path, List<HashSet<string>> keys, bool isArray)
    {
        path.Add(new Step(isArray, null, 0));
        if (isArray) return;
        var depth = path.Count - 1;
        while (keys.Count <= depth) keys.Add(new HashSet<string>(StringComparer.Ordinal));
        // A large set is replaced rather than cleared, since Clear costs its capacity and small objects may follow by the thousand.
        if (keys[depth].Count > 64) keys[depth] = new HashSet<string>(StringComparer.Ordinal);
        else keys[depth].Clear();
    }

    /// <summary>The dotted path of the current value: <c>answers.wb_01</c>, <c>linkage</c>, <c>extra[2].x</c>; <c>$</c> for the body itself.</summary>
    private static string Field(List<Step> path)
    {
        var field = new StringBuilder();
        foreach (var step in path)
        {
            if (step.IsArray) field.Append('[').Append(step.Index).Append(']');
            // A key is cut to 100 characters, as the answer clips it anyway: a long key above thousands of problems must not cost its length each time.
            else if (step.Key is { } key) field.Append(field.Length > 0 ? "." : "").Append(key.Length > 100 ? Problems.Clip(key, 100) : key);
            else break;
        }
        return field.Length == 0 ? "$" : field.ToString();
    }

    /// <summary>Whether the current string or key is valid UTF-8 and, where escaped, pairs every surrogate.</summary>
    private static bool IsValidText(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (!Utf8.IsValid(raw)) return false;
        return !reader.ValueIsEscaped || EscapesArePaired(raw);
    }

    /// <summary>The reader has checked the escapes' syntax; this checks that \uD800–\uDBFF is always followed by \uDC00–\uDFFF and vice versa.</summary>
    private static bool EscapesArePaired(ReadOnlySpan<byte> raw)
    {
        var pendingHigh = false;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\')
            {
                if (pendingHigh) return false;
                continue;
            }
            if (raw[i + 1] != 'u')
            {
                if (pendingHigh) return false;
                i++;
                continue;
            }
            var unit = Hex(raw[i + 2]) << 12 | Hex(raw[i + 3]) << 8 | Hex(raw[i + 4]) << 4 | Hex(raw[i + 5]);
            i += 5;
            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                if (pendingHigh) return false;
                pendingHigh = true;
            }
            else if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                if (!pendingHigh) return false;
                pendingHigh = false;
            }
            else if (pendingHigh)
            {
                return false;
            }
        }
        return !pendingHigh;
    }

    private static int Hex(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        _ => b - 'A' + 10,
    };
}
