using System.Reflection;
using System.Security.Cryptography;

namespace Monitoring.Functions.Page;

/// <summary>
/// The questionnaire page (and the school contact's status page): static HTML, CSS and JavaScript
/// embedded in the assembly and served by the app (no CDN). The page reads its token from its own
/// path and talks to the API.
/// </summary>
internal static class PageEndpoints
{
    private sealed record Asset(byte[] Bytes, string ContentType, string ETag);

    private static readonly Dictionary<string, Asset> Assets = Load();

    private const string SecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/s/{token}", (string token, HttpContext http) => GetPage(http));
        // The school contact's status page: the same page, which reads the status token from its path.
        app.MapGet("/status/{token}", (string token, HttpContext http) => GetPage(http));
        app.MapGet("/assets/{file}", (string file, HttpContext http) => GetAsset(file, http));
    }

    internal static IResult GetPage(HttpContext http) => Serve(http, "index.html");

    internal static IResult GetAsset(string file, HttpContext http) =>
        Assets.ContainsKey(file) && file != "index.html" ? Serve(http, file) : Results.NotFound();

    private static IResult Serve(HttpContext http, string name)
    {
        var asset = Assets[name];
        var headers = http.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        headers.ContentSecurityPolicy = SecurityPolicy;
        // The token is in the page's URL: never send it on as a referrer.
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        if (http.Request.Headers.IfNoneMatch.ToString() == asset.ETag) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(asset.Bytes, asset.ContentType);
    }

    private static Dictionary<string, Asset> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        const string prefix = "page/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(n => n[prefix.Length..], n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                var bytes = buffer.ToArray();
                return new Asset(bytes, Path.GetExtension(n) switch
                {
                    ".html" => "text/html; charset=utf-8",
                    ".css" => "text/css; charset=utf-8",
                    ".js" => "text/javascript; charset=utf-8",
                    ".svg" => "image/svg+xml",
                    _ => "application/octet-stream",
                }, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");
            });
    }
}
