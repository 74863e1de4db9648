using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitoring.Batch.Publishing;
using Monitoring.Core.Submissions;
using Monitoring.Storage.Blobs;
using Monitoring.Storage.Files;

namespace Monitoring.Functions.Batch;

/// <summary>The batch function app's composition: validated options, the stores, and <see cref="AnalysisBatchJob"/> as the <see cref="IBatchJob"/>.</summary>
public static class BatchApp
{
    /// <summary>Adds the batch's services; an <see cref="IBatchJob"/>, <see cref="ISubmissionStore"/> or <see cref="IArtifactStore"/> registered before wins.</summary>
    /// <exception cref="InvalidOperationException">When the configuration has problems; the message lists every one.</exception>
    public static async Task AddBatchAsync(IServiceCollection services, IConfiguration configuration, string contentRoot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(BatchAppOptions.Section).Get<BatchAppOptions>() ?? new BatchAppOptions();
        var problems = options.Problems();
        if (problems.Count > 0)
            throw new InvalidOperationException("The configuration has problems:" + string.Concat(problems.Select(p => "\n  - " + p)));
        var studyPath = Path.GetFullPath(options.StudyPath, contentRoot);
        if (options.Store == "blob")
        {
            services.TryAddSingleton<ISubmissionStore>(await BlobSubmissionStore.CreateAsync(options.Blob, cancellationToken).ConfigureAwait(false));
            services.TryAddSingleton<IArtifactStore>(await BlobArtifactStore.CreateAsync(options.Blob, cancellationToken).ConfigureAwait(false));
        }
        else
        {
            var files = new FileStoreOptions { DataPath = Path.GetFullPath(options.DataPath, contentRoot) };
            services.TryAddSingleton<ISubmissionStore>(new FileSubmissionStore(files));
            services.TryAddSingleton<IArtifactStore>(new FileArtifactStore(files));
        }
        services.TryAddSingleton<IBatchJob>(sp => new AnalysisBatchJob(studyPath, sp.GetRequiredService<ISubmissionStore>(), sp.GetRequiredService<IArtifactStore>()));
    }
}
