using System.Text;
using Monitoring.Core.Submissions;
using Monitoring.Functions.Collection;
using Monitoring.Functions.Tests.Support;
using Monitoring.Storage.Blobs;
using Monitoring.Storage.Tests.Blobs;

namespace Monitoring.Functions.Tests.Worker;

/// <summary>The responses and status functions over the blob store (Azurite) answer as the standalone server over files.</summary>
public sealed class AzuriteResponsesTests
{
    [Fact]
    public async Task OverTheBlobStoreTheResponsesAndStatusFunctionsAnswerAsTheServerAndStoreOneBlobPerSubmission()
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var server = await RunningApp.StartAsync();
        var blob = new BlobStoreOptions
        {
            ConnectionString = azurite.ConnectionString,
            SubmissionsContainer = "s" + Guid.NewGuid().ToString("N"),
            ArtifactsContainer = "a" + Guid.NewGuid().ToString("N"),
        };
        var invitations = InvitationBook.ArtifactName(server.Study.Id);
        await using (var book = (await server.Artifacts.OpenReadAsync(invitations))!)
            await (await BlobArtifactStore.CreateAsync(blob)).PutAsync(invitations, book);
        await using var worker = await FunctionsWorker.StartAsync(server, Path.Combine(server.Root, "unused"), new Dictionary<string, string?>
        {
            ["Monitoring:Store"] = "blob",
            ["Monitoring:Blob:ConnectionString"] = blob.ConnectionString,
            ["Monitoring:Blob:SubmissionsContainer"] = blob.SubmissionsContainer,
            ["Monitoring:Blob:ArtifactsContainer"] = blob.ArtifactsContainer,
        });
        var functions = new CollectionFunctions();
        var token = server.Token("T0", "a3");
        Func<HttpRequestMessage> Post(string body) => () =>
            new HttpRequestMessage(HttpMethod.Post, new Uri("/api/responses", UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var first = RunningApp.Body(token, id: "7c9e6679-7425-40de-944b-e07fc1f90ae7").ToJsonString();

        var created = await FunctionInvocationTests.AssertSameAsync(server, worker, Post(first), functions.ResponsesAsync);
        var again = await FunctionInvocationTests.AssertSameAsync(server, worker, Post(first), functions.ResponsesAsync);
        var reused = await FunctionInvocationTests.AssertSameAsync(server, worker,
            Post(RunningApp.Body(token, id: "7c9e6679-7425-40de-944b-e07fc1f90ae7", wb01: 1).ToJsonString()), functions.ResponsesAsync);
        await FunctionInvocationTests.AssertSameAsync(server, worker, () => new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/status/{server.StatusToken("T0", "a3")}", UriKind.Relative)),
            r => functions.StatusAsync(r, server.StatusToken("T0", "a3")));

        Assert.Equal([201, 200, 409], new[] { created.Status, again.Status, reused.Status });
        var stored = await (await BlobSubmissionStore.CreateAsync(blob)).ReadAllAsync(server.Study.Id).ToListAsync();
        Assert.Equal("7c9e6679-7425-40de-944b-e07fc1f90ae7", Assert.Single(stored).Submission!.Id.Value);
    }
}
