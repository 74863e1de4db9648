using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitoring.Batch.Publishing;
using Monitoring.Core.Submissions;
using Monitoring.Functions.Batch;
using Monitoring.Functions.Hosting;

namespace Monitoring.Server;

/// <summary>
/// The standalone server's part of the composition: the batch that publishes to the artifact store
/// (<see cref="AnalysisBatchJob"/>, replaceable by registering an <see cref="IBatchJob"/> first) and its
/// daily local schedule, on unless Monitoring:Batch:LocalSchedule is false.
/// </summary>
public static class ServerBatch
{
    /// <summary>The extension that <see cref="CollectionApp.CreateAsync"/> applies.</summary>
    public static CollectionExtension Extension { get; } = new(AddServices: (builder, setup) => Add(builder.Services, setup));

    private static void Add(IServiceCollection services, CollectionSetup setup)
    {
        services.TryAddSingleton<IBatchJob>(sp => new AnalysisBatchJob(setup.StudyPath, sp.GetRequiredService<ISubmissionStore>(), sp.GetRequiredService<IArtifactStore>()));
        services.AddSingleton<BatchRunner>();
        if (setup.Options.Batch.LocalSchedule ?? true)
            services.AddHostedService(sp => new LocalBatchSchedule(sp.GetRequiredService<BatchRunner>(), sp.GetRequiredService<TimeProvider>(),
                setup.Options.Batch.TimeOfDay, sp.GetRequiredService<ILogger<LocalBatchSchedule>>()));
    }
}
