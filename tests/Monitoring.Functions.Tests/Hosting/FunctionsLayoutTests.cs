using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Hosting;

/// <summary>The Azure Functions custom-handler files agree with the app's routes.</summary>
public sealed class FunctionsLayoutTests
{
    private static JsonElement Read(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();

    [Fact]
    public void HostJsonForwardsHttpRequestsToTheAppWithoutARoutePrefix()
    {
        var host = Read(Path.Combine(Repository.FunctionsProject, "host.json"));

        Assert.Equal("2.0", host.GetProperty("version").GetString());
        var handler = host.GetProperty("customHandler");
        Assert.True(handler.GetProperty("enableForwardingHttpRequest").GetBoolean());
        Assert.Equal("dotnet", handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString());
        Assert.Equal(["Monitoring.Functions.dll"], handler.GetProperty("description").GetProperty("arguments").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("", host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public async Task EveryHttpFunctionRoutesToAnEndpointOfTheAppAndEveryEndpointHasAFunction()
    {
        await using var app = await RunningApp.StartAsync();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => $"{m} {e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToHashSet();

        var functions = new HashSet<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.FunctionsProject, "FunctionsHost"), "function.json", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(Path.GetDirectoryName(file))!;
            foreach (var binding in Read(file).GetProperty("bindings").EnumerateArray())
            {
                var type = binding.GetProperty("type").GetString();
                if (type == "httpTrigger")
                {
                    Assert.Equal("anonymous", binding.GetProperty("authLevel").GetString());
                    foreach (var method in binding.GetProperty("methods").EnumerateArray())
                        functions.Add($"{method.GetString()!.ToUpperInvariant()} {binding.GetProperty("route").GetString()}");
                }
                else if (type == "timerTrigger")
                {
                    functions.Add($"POST {name}");
                    Assert.Equal(6, binding.GetProperty("schedule").GetString()!.Split(' ').Length);
                }
            }
        }

        Assert.Equal(endpoints.Order(), functions.Order());
    }

    [Fact]
    public void TheBuildPutsHostJsonAndTheFunctionFoldersAtTheOutputRoot()
    {
        var output = Path.GetDirectoryName(Repository.FunctionsDll)!;

        Assert.True(File.Exists(Path.Combine(output, "host.json")));
        foreach (var function in new[] { "Questionnaire", "Responses", "Status", "Datasets", "Reports", "Page", "Assets", "NightlyBatch" })
            Assert.True(File.Exists(Path.Combine(output, function, "function.json")), $"{function}/function.json is missing in {output}");
    }
}
