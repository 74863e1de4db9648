using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration.Json;
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
    /// <exception cref="InvalidOperationException">When the configuration or the study definition has problems; the message lists every one, then the content root and the settings files read.</exception>
    public static async Task<WebApplication> CreateAsync(string[] args, Action<WebApplicationBuilder>? configure = null, CollectionExtension? extension = null, CancellationToken cancellationToken = default)
    {
        // The settings beside the binary, whatever the working directory, unless a content root is given
        // (--contentRoot, ASPNETCORE_CONTENTROOT or DOTNET_CONTENTROOT; `dotnet run` gives the project folder).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = ContentRootIsGiven(args) ? null : AppContext.BaseDirectory,
        });
        foreach (var category in RequestLog.SilencedCategories) builder.Logging.AddFilter(category, LogLevel.None);
        configure?.Invoke(builder);
        var where = Where(builder, SettingsFiles(builder));
        var setup = await AddCollectionAsync(builder.Services, builder.Configuration, builder.Environment.ContentRootPath, underFunctionsHost: false,
            builder.Environment.IsDevelopment(), where, cancellationToken).ConfigureAwait(false);
        extension?.AddServices?.Invoke(builder, setup);

        var app = builder.Build();
        app.UseRequestLog();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHeadAsGet();
        app.UseRouting();
        app.UseHeadRestored();
        CollectionEndpoints.Map(app);
        DownloadEndpoints.Map(app);
        PageEndpoints.Map(app);
        extension?.MapEndpoints?.Invoke(app);

        await PrepareAsync(app.Services, cancellationToken).ConfigureAwait(false);
        app.Lifetime.ApplicationStarted.Register(() => Announce(app, setup.Study, setup.Options, setup.StudyPath, where, setup.OrphansRemoved));
        return app;
    }

    /// <summary>
    /// Adds the collection's services (options, study, stores, keys, rate limits) to <paramref name="services"/>.
    /// Under the Functions host (<paramref name="underFunctionsHost"/>) the client's address comes from X-Forwarded-For
    /// unless Monitoring:RateLimits:TrustForwardedFor says otherwise. Outside Development
    /// (<paramref name="isDevelopment"/>) the development linkage secret is refused.
    /// </summary>
    /// <param name="where">Where the settings came from (content root, files), appended to a start-up problem; or null.</param>
    /// <exception cref="InvalidOperationException">When the configuration or the study definition has problems; the message lists every one.</exception>
    public static async Task<CollectionSetup> AddCollectionAsync(IServiceCollection services, IConfiguration configuration, string contentRoot, bool underFunctionsHost,
        bool isDevelopment = false, string? where = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(MonitoringOptions.Section).Get<MonitoringOptions>() ?? new MonitoringOptions();
        var problems = options.Problems(isDevelopment);
        var whereText = where is null ? "" : "\n" + where;
        if (problems.Count > 0)
            throw new InvalidOperationException("The configuration has problems:" + string.Concat(problems.Select(p => "\n  - " + p)) + whereText);

        var studyPath = Path.GetFullPath(options.StudyPath, contentRoot);
        var definition = await StudyDefinitionLoader.LoadAsync(studyPath, cancellationToken).ConfigureAwait(false);
        if (!definition.IsValid)
            throw new InvalidOperationException($"The study definition in {studyPath} has problems:" + string.Concat(definition.Problems.Select(p => "\n  - " + p)) + whereText);
        var study = definition.Study;
        var unknownNetworks = options.Keys.Where(k => k.Role == "coordinator" && study.FindNetwork(new NetworkId(k.Network)) is null).Select(k => k.Network).ToArray();
        if (unknownNetworks.Length > 0)
            throw new InvalidOperationException($"Monitoring:Keys name networks that study '{study.Id}' does not have: {string.Join(", ", unknownNetworks)}.");

        options.RateLimits.TrustForwardedFor ??= underFunctionsHost;
        services.AddProblemDetails();
        services.AddExceptionHandler<RequestFaults>();
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
        var orphans = await AddStoresAsync(services, options, contentRoot, cancellationToken).ConfigureAwait(false);
        services.AddSingleton(new LinkageKey(options.LinkageSecretBytes()));
        services.AddSingleton(new AccessCodeKey(options.LinkageSecretBytes()));
        services.AddSingleton(new CollectionRateLimiter(options.RateLimits));
        services.AddSingleton(new AccessKeys(options.Keys));
        services.AddSingleton(sp => new InvitationRegistry(study, sp.GetRequiredService<IArtifactStore>(), sp.GetRequiredService<TimeProvider>(),
            options.InvitationsRefresh, sp.GetRequiredService<ILogger<InvitationRegistry>>()));
        services.AddSingleton(sp => new CollectionContext(study, sp.GetRequiredService<InvitationRegistry>(), sp.GetRequiredService<ISubmissionStore>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<LinkageKey>(), sp.GetRequiredService<CollectionRateLimiter>(), options.MaxRequestBodyBytes,
            sp.GetRequiredService<IUsedCodeStore>(), sp.GetRequiredService<AccessCodeKey>()));
        return new CollectionSetup(options, definition, studyPath) { OrphansRemoved = orphans };
    }

    /// <summary>Loads the invitations once before the first request; call it after the host is built.</summary>
    public static Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<InvitationRegistry>().ReloadAsync(cancellationToken);

    /// <summary>The addresses the started app listens on.</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    /// <summary>Registers the stores; returns how many orphaned temporary files the file store removed.</summary>
    private static async Task<int> AddStoresAsync(IServiceCollection services, MonitoringOptions options, string contentRoot, CancellationToken cancellationToken)
    {
        if (options.Store == "blob")
        {
            services.TryAddSingleton<ISubmissionStore>(await BlobSubmissionStore.CreateAsync(options.Blob, cancellationToken).ConfigureAwait(false));
            services.TryAddSingleton<IArtifactStore>(await BlobArtifactStore.CreateAsync(options.Blob, cancellationToken).ConfigureAwait(false));
            services.TryAddSingleton<IUsedCodeStore>(await BlobUsedCodeStore.CreateAsync(options.Blob, cancellationToken).ConfigureAwait(false));
            return 0;
        }
        if (!OperatingSystem.IsLinux())
        {
            // Off Linux the file store blocks a pool thread in fsync for each submission (on Linux its group
            // commit thread waits instead); without spare threads a burst waits for the pool's slow thread injection.
            ThreadPool.GetMinThreads(out var workers, out var completion);
            ThreadPool.SetMinThreads(Math.Max(workers, 128), completion);
        }
        var files = new FileStoreOptions { DataPath = Path.GetFullPath(options.DataPath, contentRoot), FlushToDisk = options.FlushToDisk };
        var submissions = new FileSubmissionStore(files);
        var artifacts = new FileArtifactStore(files);
        // Temporary files of writes that a killed process never finished: before this process writes anything.
        var orphans = submissions.RemoveOrphans() + artifacts.RemoveOrphans();
        services.TryAddSingleton<ISubmissionStore>(submissions);
        services.TryAddSingleton<IArtifactStore>(artifacts);
        services.TryAddSingleton<IUsedCodeStore>(new FileUsedCodeStore(files));
        return orphans;
    }

    private static bool ContentRootIsGiven(string[] args)
    {
        var given = new ConfigurationBuilder().AddEnvironmentVariables("ASPNETCORE_").AddEnvironmentVariables("DOTNET_").AddCommandLine(args).Build();
        return !string.IsNullOrEmpty(given[WebHostDefaults.ContentRootKey]);
    }

    /// <summary>The settings files that exist among the configuration's JSON sources, as full paths.</summary>
    private static List<string> SettingsFiles(WebApplicationBuilder builder)
    {
        var files = new List<string>();
        foreach (var source in ((IConfigurationBuilder)builder.Configuration).Sources.OfType<JsonConfigurationSource>())
            if (source.Path is { } path && source.FileProvider?.GetFileInfo(path) is { Exists: true } file)
                files.Add(file.PhysicalPath ?? path);
        return files;
    }

    private static string Where(WebApplicationBuilder builder, List<string> settings) =>
        $"Content root: {builder.Environment.ContentRootPath}; environment: {builder.Environment.EnvironmentName}; settings files read: "
        + (settings.Count == 0 ? "none" : string.Join(", ", settings)) + ".";

    private static void Announce(WebApplication app, Study study, MonitoringOptions options, string studyPath, string where, int orphans)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Monitoring");
        logger.LogInformation("{Where}", where);
        if (orphans > 0) logger.LogInformation("Removed {Count} temporary files of writes that a stopped process never finished.", orphans);
        var dataPath = Path.GetFullPath(options.DataPath, app.Environment.ContentRootPath);
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var open = study.Waves.FirstOrDefault(w => w.IsOpenAt(now));
        var store = options.Store == "blob" ? $"blob containers {options.Blob.SubmissionsContainer}/{options.Blob.ArtifactsContainer}" : dataPath;
        foreach (var address in Addresses(app))
            logger.LogInformation("Monitoring collection for study {Study} listens on {Address}; store: {Store}.", study.Id, address, store);
        logger.LogInformation(
            "Open wave now: {Wave}. Sample links: `dotnet run --project analysis/Monitoring.Cli -- invitations --study {StudyPath} --wave {WaveId} --store {Data} --base-url {Url} --out links.csv`, then open a link from links.csv.",
            open?.Id.Value ?? "none (set Monitoring:ClockStart for a demo)", studyPath, open?.Id.Value ?? study.Waves[0].Id.Value,
            dataPath, Addresses(app).FirstOrDefault() ?? "http://localhost:5000");
    }
}
