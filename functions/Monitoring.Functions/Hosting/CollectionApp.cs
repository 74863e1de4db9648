using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitoring.Core.Definitions;
using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;
using Monitoring.Functions.Access;
using Monitoring.Functions.Collection;
using Monitoring.Functions.Page;
using Monitoring.Storage.Blobs;
using Monitoring.Storage.Files;

namespace Monitoring.Functions.Hosting;

/// <summary>
/// The collection's composition, shared by the two hosts: <see cref="CreateAsync"/> builds the standalone
/// app on Kestrel (Monitoring.Server), <see cref="AddCollectionAsync"/> adds the same services to the isolated
/// worker (Monitoring.Functions.Collection). Reads and validates configuration, loads the study, picks the store, maps the endpoints.
/// </summary>
public static class CollectionApp
{
    /// <summary>Kestrel's hard body limit: the app's own limit × 16, at least 1 MiB.</summary>
    public static long BodyDrainLimit(int maxRequestBodyBytes) => Math.Max(16L * maxRequestBodyBytes, 1024 * 1024);

    /// <summary>
    /// Builds the standalone app. <paramref name="configure"/> runs first, so tests can add configuration and replace
    /// services (e.g. the <see cref="TimeProvider"/>); <paramref name="extension"/> adds the host's own services and
    /// endpoints (the server's nightly batch).
    /// </summary>
    /// <exception cref="InvalidOperationException">When the configuration or the study definition has problems; the message lists every one.</exception>
    public static async Task<WebApplication> CreateAsync(string[] args, Action<WebApplicationBuilder>? configure = null, CollectionExtension? extension = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        configure?.Invoke(builder);
        var setup = await AddCollectionAsync(builder.Services, builder.Configuration, builder.Environment.ContentRootPath, underFunctionsHost: false, cancellationToken).ConfigureAwait(false);
        extension?.AddServices?.Invoke(builder, setup);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        CollectionEndpoints.Map(app);
        DownloadEndpoints.Map(app);
        PageEndpoints.Map(app);
        extension?.MapEndpoints?.Invoke(app);

        await PrepareAsync(app.Services, cancellationToken).ConfigureAwait(false);
        app.Lifetime.ApplicationStarted.Register(() => Announce(app, setup.Study, setup.Options, setup.StudyPath));
        return app;
    }

    /// <summary>
    /// Adds the collection's services (options, study, stores, keys, rate limits) to <paramref name="services"/>.
    /// Under the Functions host (<paramref name="underFunctionsHost"/>) the client's address comes from X-Forwarded-For
    /// unless Monitoring:RateLimits:TrustForwardedFor says otherwise.
    /// </summary>
    /// <exception cref="InvalidOperationException">When the configuration or the study definition has problems; the message lists every one.</exception>
    public static async Task<CollectionSetup> AddCollectionAsync(IServiceCollection services, IConfiguration configuration, string contentRoot, bool underFunctionsHost, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(MonitoringOptions.Section).Get<MonitoringOptions>() ?? new MonitoringOptions();
        var problems = options.Problems();
        if (problems.Count > 0)
            throw new InvalidOperationException("The configuration has problems:" + string.Concat(problems.Select(p => "\n  - " + p)));

        var studyPath = Path.GetFullPath(options.StudyPath, contentRoot);
        var definition = await StudyDefinitionLoader.LoadAsync(studyPath, cancellationToken).ConfigureAwait(false);
        if (!definition.IsValid)
            throw new InvalidOperationException($"The study definition in {studyPath} has problems:" + string.Concat(definition.Problems.Select(p => "\n  - " + p)));
        var study = definition.Study;
        var unknownNetworks = options.Keys.Where(k => k.Role == "coordinator" && study.FindNetwork(new NetworkId(k.Network)) is null).Select(k => k.Network).ToArray();
        if (unknownNetworks.Length > 0)
            throw new InvalidOperationException($"Monitoring:Keys name networks that study '{study.Id}' does not have: {string.Join(", ", unknownNetworks)}.");

        options.RateLimits.TrustForwardedFor ??= underFunctionsHost;
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Add(new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()));
        // The app rejects bodies above MaxRequestBodyBytes itself (413 ProblemDetails) after reading them to the end;
        // Kestrel's hard limit only stops a client that streams far more.
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = BodyDrainLimit(options.MaxRequestBodyBytes));
        services.AddSingleton(study);
        services.AddSingleton(definition); // the definition's hash, for the batch's manifest
        services.AddSingleton(options);
        services.TryAddSingleton(options.ClockStart.Length > 0
            ? new ShiftedTimeProvider(DateTimeOffset.Parse(options.ClockStart, System.Globalization.CultureInfo.InvariantCulture))
            : TimeProvider.System);
        await AddStoresAsync(services, options, contentRoot, cancellationToken).ConfigureAwait(false);
        services.AddSingleton(new LinkageKey(options.LinkageSecretBytes()));
        services.AddSingleton(new CollectionRateLimiter(options.RateLimits));
        services.AddSingleton(new AccessKeys(options.Keys));
        services.AddSingleton(sp => new InvitationRegistry(study, sp.GetRequiredService<IArtifactStore>(), sp.GetRequiredService<TimeProvider>(),
            options.InvitationsRefresh, sp.GetRequiredService<ILogger<InvitationRegistry>>()));
        services.AddSingleton(sp => new CollectionContext(study, sp.GetRequiredService<InvitationRegistry>(), sp.GetRequiredService<ISubmissionStore>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<LinkageKey>(), sp.GetRequiredService<CollectionRateLimiter>(), options.MaxRequestBodyBytes));
        return new CollectionSetup(options, definition, studyPath);
    }

    /// <summary>Loads the invitations once before the first request; call it after the host is built.</summary>
    public static Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<InvitationRegistry>().ReloadAsync(cancellationToken);

    /// <summary>The addresses the started app listens on.</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    private static async Task AddStoresAsync(IServiceCollection services, MonitoringOptions options, string contentRoot, CancellationToken cancellationToken)
    {
        if (options.Store == "blob")
        {
            services.TryAddSingleton<ISubmissionStore>(await BlobSubmissionStore.CreateAsync(options.Blob, cancellationToken).ConfigureAwait(false));
            services.TryAddSingleton<IArtifactStore>(await BlobArtifactStore.CreateAsync(options.Blob, cancellationToken).ConfigureAwait(false));
            return;
        }
        if (!OperatingSystem.IsLinux())
        {
            // Off Linux the file store blocks a pool thread in fsync for each submission (on Linux its group
            // commit thread waits instead); without spare threads a burst waits for the pool's slow thread injection.
            ThreadPool.GetMinThreads(out var workers, out var completion);
            ThreadPool.SetMinThreads(Math.Max(workers, 128), completion);
        }
        var files = new FileStoreOptions { DataPath = Path.GetFullPath(options.DataPath, contentRoot), FlushToDisk = options.FlushToDisk };
        services.TryAddSingleton<ISubmissionStore>(new FileSubmissionStore(files));
        services.TryAddSingleton<IArtifactStore>(new FileArtifactStore(files));
    }

    private static void Announce(WebApplication app, Study study, MonitoringOptions options, string studyPath)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Monitoring");
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var open = study.Waves.FirstOrDefault(w => w.IsOpenAt(now));
        var store = options.Store == "blob" ? $"blob containers {options.Blob.SubmissionsContainer}/{options.Blob.ArtifactsContainer}" : Path.GetFullPath(options.DataPath);
        foreach (var address in Addresses(app))
            logger.LogInformation("Monitoring collection for study {Study} listens on {Address}; store: {Store}.", study.Id, address, store);
        logger.LogInformation(
            "Open wave now: {Wave}. Sample links: `dotnet run --project analysis/Monitoring.Cli -- invitations --study {StudyPath} --wave {WaveId} --store {Data} --base-url {Url} --out links.csv`, then open a link from links.csv.",
            open?.Id.Value ?? "none (set Monitoring:ClockStart for a demo)", studyPath, open?.Id.Value ?? study.Waves[0].Id.Value,
            Path.GetFullPath(options.DataPath), Addresses(app).FirstOrDefault() ?? "http://localhost:5000");
    }
}
