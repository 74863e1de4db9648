namespace Monitoring.Functions.Hosting;

/// <summary>
/// What a host adds to the standalone collection app (<see cref="CollectionApp.CreateAsync"/>): the server
/// adds the nightly batch here, so the collection's own project carries no analysis stack.
/// </summary>
/// <param name="AddServices">Runs after the collection's services are added, before the app is built.</param>
/// <param name="MapEndpoints">Runs after the collection's endpoints are mapped.</param>
public sealed record CollectionExtension(
    Action<WebApplicationBuilder, CollectionSetup>? AddServices = null,
    Action<WebApplication>? MapEndpoints = null);
