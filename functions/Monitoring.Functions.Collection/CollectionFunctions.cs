using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Functions.Hosting;

namespace Monitoring.Functions.Collection;

/// <summary>The respondent-facing API as functions: each calls <see cref="CollectionEndpoints"/>' handler.</summary>
public sealed class CollectionFunctions
{
    /// <summary>GET api/questionnaires/{token}?lang=: the questionnaire of the token's wave and school.</summary>
    [Function("Questionnaire")]
    public Task QuestionnaireAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/questionnaires/{token}")] HttpRequest request, string token) =>
        EndpointResponse.WriteAsync(request.HttpContext, () => CollectionEndpoints.GetQuestionnaire(
            token, request.Query.TryGetValue("lang", out var lang) ? lang.ToString() : null, request.HttpContext, Context(request), request.HttpContext.RequestAborted));

    /// <summary>POST api/responses: stores one submission.</summary>
    [Function("Responses")]
    public Task ResponsesAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/responses")] HttpRequest request) =>
        EndpointResponse.WriteAsync(request.HttpContext, () => CollectionEndpoints.PostResponse(request.HttpContext, Context(request), request.HttpContext.RequestAborted));

    /// <summary>GET api/status/{token}: the school's response count in the token's wave.</summary>
    [Function("Status")]
    public Task StatusAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/status/{token}")] HttpRequest request, string token) =>
        EndpointResponse.WriteAsync(request.HttpContext, () => CollectionEndpoints.GetStatus(token, Language(request), request.HttpContext, Context(request), request.HttpContext.RequestAborted));

    private static string? Language(HttpRequest request) => request.Query.TryGetValue("lang", out var lang) ? lang.ToString() : null;

    private static CollectionContext Context(HttpRequest request) => request.HttpContext.RequestServices.GetRequiredService<CollectionContext>();
}
