using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Monitoring.Functions.Hosting;

namespace Monitoring.Functions.Collection;

/// <summary>The collection function app's composition: ASP.NET Core integration and the collection's services, as the standalone server has them.</summary>
public static class CollectionFunctionsApp
{
    /// <summary>Configures <paramref name="builder"/>; build the host, then call <see cref="CollectionApp.PrepareAsync"/>.</summary>
    /// <exception cref="InvalidOperationException">When the configuration or the study definition has problems; the message lists every one.</exception>
    public static async Task ConfigureAsync(FunctionsApplicationBuilder builder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureFunctionsWebApplication();
        await CollectionApp.AddCollectionAsync(builder.Services, builder.Configuration, builder.Environment.ContentRootPath, underFunctionsHost: true,
            builder.Environment.IsDevelopment(), cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
