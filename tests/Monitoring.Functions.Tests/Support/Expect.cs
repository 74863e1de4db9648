using System.Net;
using System.Text.Json;

namespace Monitoring.Functions.Tests.Support;

internal static class Expect
{
    /// <summary>Asserts a ProblemDetails response with exactly these (code, field) errors, in any order; returns the body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, params (string Code, string Field)[] errors)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
        if (errors.Length > 0)
        {
            var actual = body.GetProperty("errors").EnumerateArray()
                .Select(e => (e.GetProperty("code").GetString()!, e.GetProperty("field").GetString()!))
                .Order().ToArray();
            Assert.Equal(errors.Order().ToArray(), actual);
            Assert.All(body.GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("message").GetString())));
        }
        return body;
    }
}
