using Monitoring.Functions.Hosting;

var app = await CollectionApp.CreateAsync(args);
await app.RunAsync();
