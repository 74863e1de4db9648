using Monitoring.Functions.Hosting;

WebApplication app;
try
{
    app = await CollectionApp.CreateAsync(args);
}
catch (InvalidOperationException e)
{
    // CreateAsync throws this for problems in the configuration or the study definition: the operator's
    // to fix, so the message lists them, without a stack trace.
    await Console.Error.WriteLineAsync($"Monitoring did not start. {e.Message}");
    return 1;
}
await app.RunAsync();
return 0;
