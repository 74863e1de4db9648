namespace Monitoring.Functions.Tests.Support;

/// <summary>Finds files of the repository from the test's output folder (the folder that holds Monitoring.sln).</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string ServerProject => Path.Combine(Root, "functions", "Monitoring.Server");

    /// <summary>The built Monitoring.Server.dll (the standalone host) of the same configuration as the tests.</summary>
    public static string ServerDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var dll = Path.Combine(ServerProject, "bin", configuration, "net10.0", "Monitoring.Server.dll");
            Assert.True(File.Exists(dll), $"Build the solution first: {dll} is missing.");
            return dll;
        }
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Monitoring.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Monitoring.sln above {AppContext.BaseDirectory}.");
    }
}
