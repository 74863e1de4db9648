using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;
using Monitoring.Functions.Access;
using Monitoring.Functions.Hosting;
using Monitoring.Storage.Blobs;
using Monitoring.Storage.Files;

namespace Monitoring.Functions.Tests.Support;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 on a free port, over the test study, with the file store
/// in a temporary folder, invitations for every school in T0 and T1, and a manual clock.
/// </summary>
internal sealed class RunningApp : IAsyncDisposable
{
    public const string ResearcherKey = "researcher-key-0123456789";
    public const string CoordinatorAKey = "coordinator-net-a-key-0123456789";
    public const string LinkageSecret = "VEVTVC1PTkxZLWxpbmthZ2Utc2VjcmV0LTAxMjM0NTY3ODk=";

    private readonly WebApplication _app;
    private readonly Dictionary<(string Wave, string School), IssuedInvitation> _issued;

    private RunningApp(WebApplication app, string root, string dataPath, ManualClock clock, Dictionary<(string, string), IssuedInvitation> issued, Study study)
    {
        _app = app;
        Root = root;
        DataPath = dataPath;
        Clock = clock;
        _issued = issued;
        Study = study;
        BaseAddress = new Uri(CollectionApp.Addresses(app).First());
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public string Root { get; }
    public string DataPath { get; }
    public ManualClock Clock { get; }
    public Study Study { get; }
    public Uri BaseAddress { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _app.Services;

    public FileSubmissionStore Store => new(new FileStoreOptions { DataPath = DataPath });
    public FileArtifactStore Artifacts => new(new FileStoreOptions { DataPath = DataPath });

    public string Token(string wave, string school) => _issued[(wave, school)].Token;

    /// <summary>The school contact's status token.</summary>
    public string StatusToken(string wave, string school) => _issued[(wave, school)].StatusToken;

    /// <summary>The access codes of a school in a closed-access wave (display form).</summary>
    public IReadOnlyList<string> Codes(string wave, string school) => _issued[(wave, school)].Codes;

    /// <summary>The key of the access codes' hashes under <see cref="LinkageSecret"/>.</summary>
    public static AccessCodeKey CodeKey => new(Convert.FromBase64String(LinkageSecret));

    /// <summary>Codes issued per school in a closed-access wave.</summary>
    public const int CodesPerSchool = 10;

    public static async Task<RunningApp> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        DateTimeOffset? now = null,
        string? dataPath = null,
        bool closedT0 = false,
        BlobStoreOptions? blob = null)
    {
        var root = Directory.CreateTempSubdirectory("monitoring-app-").FullName;
        var studyPath = TestStudy.Write(Path.Combine(root, "study"), closedT0);
        var study = await TestStudy.LoadAsync(studyPath);
        dataPath ??= Path.Combine(root, "data");
        IArtifactStore artifacts = blob is null ? new FileArtifactStore(new FileStoreOptions { DataPath = dataPath }) : await BlobArtifactStore.CreateAsync(blob);
        var issued = await IssueAsync(study, artifacts);
        var clock = new ManualClock(now ?? TestStudy.InT0);

        var config = new Dictionary<string, string?>
        {
            ["Monitoring:StudyPath"] = studyPath,
            ["Monitoring:DataPath"] = dataPath,
            ["Monitoring:LinkageSecret"] = LinkageSecret,
            ["Monitoring:Batch:LocalSchedule"] = "false",
            ["Monitoring:Keys:0:Name"] = "researchers",
            ["Monitoring:Keys:0:Role"] = "researcher",
            ["Monitoring:Keys:0:Sha256"] = AccessKeys.HashOf(ResearcherKey),
            ["Monitoring:Keys:1:Name"] = "coordinator A",
            ["Monitoring:Keys:1:Role"] = "coordinator",
            ["Monitoring:Keys:1:Network"] = "net-a",
            ["Monitoring:Keys:1:Sha256"] = AccessKeys.HashOf(CoordinatorAKey),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (blob is not null)
        {
            config["Monitoring:Store"] = "blob";
            config["Monitoring:Blob:ConnectionString"] = blob.ConnectionString;
            config["Monitoring:Blob:SubmissionsContainer"] = blob.SubmissionsContainer;
            config["Monitoring:Blob:ArtifactsContainer"] = blob.ArtifactsContainer;
            config["Monitoring:Blob:UsedCodesContainer"] = blob.UsedCodesContainer;
        }
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) config[k] = v;

        var app = await CollectionApp.CreateAsync(["--urls", "http://127.0.0.1:0", "--environment", "Testing", "--contentRoot", root], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.Services.AddSingleton<TimeProvider>(clock);
            services?.Invoke(builder.Services);
        }, Server.ServerBatch.Extension);
        await app.StartAsync();
        return new RunningApp(app, root, dataPath, clock, issued, study);
    }

    public static async Task<Dictionary<(string, string), string>> IssueInvitationsAsync(Study study, string dataPath) =>
        (await IssueAsync(study, new FileArtifactStore(new FileStoreOptions { DataPath = dataPath }))).ToDictionary(p => p.Key, p => p.Value.Token);

    /// <summary>Invitations for every wave (with codes in closed-access waves), their book put into <paramref name="artifacts"/>.</summary>
    public static async Task<Dictionary<(string, string), IssuedInvitation>> IssueAsync(Study study, IArtifactStore artifacts)
    {
        var all = new Dictionary<(string, string), IssuedInvitation>();
        var book = new InvitationBook(study.Id, []);
        foreach (var wave in study.Waves)
        {
            var issued = wave.Access == WaveAccess.Closed ? InvitationIssuer.Issue(study, wave.Id, CodesPerSchool, CodeKey) : InvitationIssuer.Issue(study, wave.Id);
            foreach (var i in issued) all[(wave.Id.Value, i.Invitation.School.Value)] = i;
            book = book.WithWave(wave.Id, issued.Select(i => i.Invitation));
        }
        await artifacts.PutAsync(InvitationBook.ArtifactName(study.Id), new MemoryStream(book.Serialize()));
        return all;
    }

    /// <summary>A valid submission body for <paramref name="token"/> in T0 (both instruments).</summary>
    public static JsonObject Body(string token, string? id = null, int wb01 = 3) => new()
    {
        ["token"] = token,
        ["submissionId"] = id ?? Guid.NewGuid().ToString(),
        ["role"] = "teacher",
        ["language"] = "nl",
        ["linkage"] = new JsonObject { ["mother_initials"] = "an", ["birth_day"] = "07", ["birthplace_initials"] = "Gé" },
        ["started"] = "2021-10-18T09:40:00+02:00",
        ["submitted"] = "2021-10-18T09:52:30+02:00",
        ["answers"] = new JsonObject { ["wb_01"] = wb01, ["wb_02"] = 0, ["wb_03"] = 5, ["gl_01"] = 1, ["gl_02"] = 4, ["gl_04"] = 2 },
    };

    public Task<HttpResponseMessage> PostAsync(JsonObject body) =>
        Client.PostAsync("/api/responses", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Every submission in the app's own store (file or blob).</summary>
    public async Task<List<Submission>> StoredAsync() => await Services.GetRequiredService<ISubmissionStore>().ReadAllAsync(Study.Id).Select(r => r.Submission ?? throw new InvalidDataException($"{r.Name}: {string.Join("; ", r.Problems)}")).ToListAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
