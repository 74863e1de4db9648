using Monitoring.Functions.Hosting;
using Monitoring.Server;

WebApplication app;
try
{
    app = await CollectionApp.CreateAsync(args, extension: ServerBatch.Extension);
}
catch (InvalidOperationException e)
{
    // The settings or the study definition have problems (a user's mistake): the list of what to fix, no stack trace.
    Console.Error.WriteLine($"Monitoring cannot start. {e.Message}");
    return 1;
}
await app.RunAsync();
return 0;
