using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Monitoring.Functions.Collection;
using Monitoring.Functions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
await CollectionFunctionsApp.ConfigureAsync(builder);
using var host = builder.Build();
await CollectionApp.PrepareAsync(host.Services);
await host.RunAsync();
