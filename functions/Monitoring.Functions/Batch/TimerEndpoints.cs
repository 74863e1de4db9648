using System.Net;
using System.Text.Json;
using Monitoring.Functions.Collection;

namespace Monitoring.Functions.Batch;

/// <summary>
/// The timer function of the Functions custom handler: the host POSTs <c>{ "Data": {...}, "Metadata": {...} }</c>
/// to <c>/NightlyBatch</c> and expects <c>{ "Outputs": {}, "Logs": [...], "ReturnValue": ... }</c>.
/// </summary>
internal static class TimerEndpoints
{
    /// <summary>The timer function's name (its folder in the deployment, and its route).</summary>
    public const string FunctionName = "NightlyBatch";

    public static void Map(IEndpointRouteBuilder app) => app.MapPost($"/{FunctionName}", Run);

    private static async Task<IResult> Run(HttpContext http, BatchRunner runner, CancellationToken cancellationToken)
    {
        if (http.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
            return Problems.Of(403, "Not allowed", "The timer function only answers the local Functions host.");
        JsonDocument payload;
        try
        {
            payload = await JsonDocument.ParseAsync(http.Request.Body, default, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return Problems.Of(400, "Not a host payload", $"Expected the Functions host's {{\"Data\":…,\"Metadata\":…}}: {e.Message}");
        }
        using (payload)
        {
            var root = payload.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Data", out _) || !root.TryGetProperty("Metadata", out _))
                return Problems.Of(400, "Not a host payload", "Expected the Functions host's {\"Data\":…,\"Metadata\":…}.");
            var pastDue = root.GetProperty("Data").ValueKind == JsonValueKind.Object
                && root.GetProperty("Data").EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Object
                    && p.Value.TryGetProperty("IsPastDue", out var due) && due.ValueKind == JsonValueKind.True);
            var result = await runner.TryRunAsync(pastDue ? "timer (past due)" : "timer", cancellationToken).ConfigureAwait(false);
            var logs = result is null ? new[] { "A batch run is already going; this trigger was skipped." } : [result.Summary];
            return TypedResults.Ok(new Dictionary<string, object?>
            {
                ["Outputs"] = new Dictionary<string, object?>(),
                ["Logs"] = logs,
                ["ReturnValue"] = result,
            });
        }
    }
}
