using Monitoring.Functions.Hosting;

try
{
    var app = await CollectionApp.CreateAsync(args);
    await app.RunAsync();
    return 0;
}
catch (StartupProblemsException e)
{
    // A user's mistake in the settings or the study: the list of what to fix, no stack trace.
    Console.Error.WriteLine($"Monitoring cannot start. {e.Message}");
    return 1;
}
