using System.Net;
using System.Text.Json.Nodes;
using Monitoring.Core.Submissions;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Collection;

/// <summary>Closed access (wave T0 of the test study needs single-use codes), run over each store.</summary>
public abstract class ClosedAccessScenarios
{
    /// <summary>The app over the store under test, with T0 closed.</summary>
    private protected abstract Task<RunningApp> StartAsync();

    /// <summary>Everything the store holds, as (name, content).</summary>
    private protected abstract Task<List<(string Name, string Content)>> DumpAsync(RunningApp app);

    private static JsonObject WithCode(JsonObject body, string? code)
    {
        if (code is not null) body["code"] = code;
        return body;
    }

    [Fact]
    public async Task ACodeWorksOnceAndASecondUseGetsAClear409()
    {
        await using var app = await StartAsync();
        var code = app.Codes("T0", "a1")[0];

        var first = await app.PostAsync(WithCode(RunningApp.Body(app.Token("T0", "a1")), code));
        var second = await app.PostAsync(WithCode(RunningApp.Body(app.Token("T0", "a1"), wb01: 4), code));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var problem = await Expect.ProblemAsync(second, HttpStatusCode.Conflict, ("code-already-used", "code"));
        Assert.Contains("already been used", problem.GetProperty("detail").GetString());
        Assert.Single(await app.StoredAsync());
    }

    [Fact]
    public async Task AMadeUpCodeAMissingCodeAndAnotherSchoolsCodeAreRejectedAndNothingIsStored()
    {
        await using var app = await StartAsync();
        var token = app.Token("T0", "a1");

        var madeUp = await app.PostAsync(WithCode(RunningApp.Body(token), AccessCode.Create()));
        var garbage = await app.PostAsync(WithCode(RunningApp.Body(token), "not-a-code!"));
        var missing = await app.PostAsync(RunningApp.Body(token));
        var otherSchool = await app.PostAsync(WithCode(RunningApp.Body(token), app.Codes("T0", "a2")[0]));

        await Expect.ProblemAsync(madeUp, HttpStatusCode.Forbidden, ("unknown-code", "code"));
        await Expect.ProblemAsync(garbage, HttpStatusCode.Forbidden, ("unknown-code", "code"));
        await Expect.ProblemAsync(missing, HttpStatusCode.BadRequest, ("code-required", "code"));
        await Expect.ProblemAsync(otherSchool, HttpStatusCode.Forbidden, ("unknown-code", "code"));
        Assert.Empty(await app.StoredAsync());
    }

    [Fact]
    public async Task ATypedCodeInLowerCaseWithoutTheHyphenIsAccepted()
    {
        await using var app = await StartAsync();
        var typed = app.Codes("T0", "a1")[1].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();

        var response = await app.PostAsync(WithCode(RunningApp.Body(app.Token("T0", "a1")), typed));
        var displayFormAgain = await app.PostAsync(WithCode(RunningApp.Body(app.Token("T0", "a1")), app.Codes("T0", "a1")[1]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await Expect.ProblemAsync(displayFormAgain, HttpStatusCode.Conflict, ("code-already-used", "code"));
    }

    [Fact]
    public async Task ConcurrentUsesOfOneCodeStoreExactlyOneSubmission()
    {
        await using var app = await StartAsync();
        var code = app.Codes("T0", "a1")[2];

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            app.PostAsync(WithCode(RunningApp.Body(app.Token("T0", "a1"), wb01: i % 6), code))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(11, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Single(await app.StoredAsync());
    }

    [Fact]
    public async Task ARetryOfTheSameSubmissionWithItsCodeIsIdempotent()
    {
        await using var app = await StartAsync();
        var body = WithCode(RunningApp.Body(app.Token("T0", "a1")), app.Codes("T0", "a1")[3]);

        var first = await app.PostAsync(body);
        var retry = await app.PostAsync(body);
        var otherSubmission = await app.PostAsync(WithCode(RunningApp.Body(app.Token("T0", "a1")), app.Codes("T0", "a1")[3]));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        await Expect.ProblemAsync(otherSubmission, HttpStatusCode.Conflict, ("code-already-used", "code"));
        Assert.Equal((await RunningApp.JsonAsync(first)).GetProperty("receipt").GetString(), (await RunningApp.JsonAsync(retry)).GetProperty("receipt").GetString());
        Assert.Single(await app.StoredAsync());
    }

    [Fact]
    public async Task AnOpenWaveNeedsNoCode()
    {
        await using var app = await StartAsync();
        app.Clock.Now = TestStudy.InT1;
        var body = RunningApp.Body(app.Token("T1", "a1"));
        body["answers"] = new JsonObject { ["gl_01"] = 1, ["gl_02"] = 4, ["gl_03"] = 3, ["gl_04"] = 2 };
        body["started"] = "2022-04-04T09:40:00+02:00";
        body["submitted"] = "2022-04-04T09:52:30+02:00";

        var response = await app.PostAsync(body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task NothingInTheStoreLinksACodeToAResponse()
    {
        await using var app = await StartAsync();
        var codes = app.Codes("T0", "a1").Take(3).ToArray();
        var ids = new List<string>();
        foreach (var code in codes)
        {
            var body = WithCode(RunningApp.Body(app.Token("T0", "a1")), code);
            ids.Add(body["submissionId"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.Created, (await app.PostAsync(body)).StatusCode);
        }

        var stored = await DumpAsync(app);

        var hashes = codes.Select(c => RunningApp.CodeKey.Hash(c)!).ToArray();
        var forms = codes.Concat(codes.Select(c => AccessCode.Normalize(c)!)).Concat(hashes).ToArray();
        var submissions = stored.Where(f => ids.Any(id => f.Name.Contains(id, StringComparison.Ordinal) || f.Content.Contains(id, StringComparison.Ordinal))).ToArray();
        Assert.Equal(3, submissions.Length);
        foreach (var (name, content) in submissions)
            Assert.DoesNotContain(forms, form => name.Contains(form, StringComparison.OrdinalIgnoreCase) || content.Contains(form, StringComparison.OrdinalIgnoreCase));
        var markers = stored.Where(f => hashes.Any(h => f.Name.EndsWith(h, StringComparison.Ordinal))).ToArray();
        Assert.Equal(3, markers.Length);
        Assert.All(markers, m => Assert.Equal("", m.Content));
        Assert.All(stored, f => Assert.DoesNotContain(codes, c => f.Content.Contains(c, StringComparison.Ordinal) || f.Content.Contains(AccessCode.Normalize(c)!, StringComparison.Ordinal)));
        Assert.All(stored.Where(f => hashes.Any(h => f.Content.Contains(h, StringComparison.Ordinal))),
            f => Assert.DoesNotContain(ids, id => f.Content.Contains(id, StringComparison.Ordinal) || f.Name.Contains(id, StringComparison.Ordinal)));
    }
}

public sealed class ClosedAccessFileStoreTests : ClosedAccessScenarios
{
    private protected override Task<RunningApp> StartAsync() => RunningApp.StartAsync(closedT0: true);

    private protected override Task<List<(string Name, string Content)>> DumpAsync(RunningApp app) =>
        Task.FromResult(Directory.EnumerateFiles(app.DataPath, "*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(app.DataPath, f), File.ReadAllText(f))).ToList());
}

[Collection(AzuriteCollection.Name)]
public sealed class ClosedAccessBlobStoreTests(AzuriteFixture azurite) : ClosedAccessScenarios
{
    private readonly Dictionary<RunningApp, Monitoring.Storage.Blobs.BlobStoreOptions> _options = [];

    private protected override async Task<RunningApp> StartAsync()
    {
        var options = azurite.Options();
        var app = await RunningApp.StartAsync(closedT0: true, blob: options);
        _options[app] = options;
        return app;
    }

    private protected override Task<List<(string Name, string Content)>> DumpAsync(RunningApp app) => azurite.DumpAsync(_options[app]);
}
