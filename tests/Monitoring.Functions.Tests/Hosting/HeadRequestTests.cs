using System.Net;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Hosting;

public sealed class HeadRequestTests
{
    [Fact]
    public async Task EveryGetRouteAnswersHeadWithTheSameStatusAndHeadersButNoBody()
    {
        await using var app = await RunningApp.StartAsync();
        var token = app.Token("T0", "a1");
        string[] urls =
        [
            $"/s/{token}", "/assets/app.js", $"/api/questionnaires/{token}", $"/api/status/{token}",
            "/api/datasets/latest", "/api/reports/net-a", "/api/questionnaires/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        ];

        foreach (var url in urls)
        {
            var get = await app.Client.GetAsync(url);
            var head = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

            Assert.True(get.StatusCode == head.StatusCode, $"{url}: GET {(int)get.StatusCode}, HEAD {(int)head.StatusCode}");
            Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/responses"))).StatusCode);
    }
}
