using System.Text.Json;
using Microsoft.Playwright;

namespace Monitoring.Tests.Shared.Browser;

/// <summary>
/// axe-core 4.14 (npm, installed in tests/tools/axe by scripts/test.sh) injected into a page: the WCAG 2.x A and AA
/// rules and best practices, run on the page as it is rendered.
/// </summary>
public static class Axe
{
    /// <summary>axe.min.js, found by walking up from the test output to the repository's tests/tools/axe.</summary>
    public static string ScriptPath { get; } = Find();

    /// <summary>Runs axe on <paramref name="page"/> and returns one line per violation: rule, impact, and the first nodes' selectors.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = ScriptPath });
        var json = await page.EvaluateAsync<string>(
            """
            async () => {
              const r = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length,
                targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })));
            }
            """);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}, {v.GetProperty("nodes").GetInt32()} node(s)): " +
                         string.Join(" | ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString())))
            .ToList();
    }

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, "tests", "tools", "axe", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(path)) return path;
        }
        throw new InvalidOperationException("axe-core is missing: run `npm ci` in tests/tools/axe (scripts/test.sh does).");
    }
}
