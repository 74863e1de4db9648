using Monitoring.Functions.Hosting;
using Monitoring.Server;

var app = await CollectionApp.CreateAsync(args, extension: ServerBatch.Extension);
await app.RunAsync();
