using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Monitoring.Functions.Batch;

var builder = FunctionsApplication.CreateBuilder(args);
await BatchApp.AddBatchAsync(builder.Services, builder.Configuration, builder.Environment.ContentRootPath);
using var host = builder.Build();
await host.RunAsync();
