using System.Text.Json;
using Monitoring.Functions.Hosting;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Hosting;

public sealed class LinkageSecretStartTests
{
    [Fact]
    public async Task OutsideDevelopmentTheAppRefusesTheDevelopmentSecretWithExitCode1AndAMessageNamingTheSetting()
    {
        var (exitCode, output) = await StartAsync(DevelopmentSecret(), "Production");

        Assert.Equal(1, exitCode);
        Assert.Contains("Monitoring:LinkageSecret is the public development secret", output);
        AssertNoStackTrace(output);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(31)]
    public async Task TheAppRefusesASecretShorterThan32BytesWithExitCode1AndAMessageNamingTheSetting(int bytes)
    {
        var (exitCode, output) = await StartAsync(Convert.ToBase64String(new byte[bytes].Select((_, i) => (byte)(i + 1)).ToArray()), "Staging");

        Assert.Equal(1, exitCode);
        Assert.Contains("Monitoring:LinkageSecret must be base64 of at least 32 random bytes", output);
        AssertNoStackTrace(output);
    }

    [Fact]
    public void TheDevelopmentSecretIsAcceptedInDevelopmentOnly()
    {
        var options = new MonitoringOptions { StudyPath = "study", LinkageSecret = DevelopmentSecret() };

        Assert.Empty(options.Problems(isDevelopment: true));
        Assert.Contains(options.Problems(isDevelopment: false), p => p.StartsWith("Monitoring:LinkageSecret is the public development secret", StringComparison.Ordinal));
        Assert.Empty(new MonitoringOptions { StudyPath = "study", LinkageSecret = RunningApp.LinkageSecret }.Problems(isDevelopment: false));
    }

    /// <summary>The secret of appsettings.Development.json as the repository ships it.</summary>
    private static string DevelopmentSecret()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.ServerProject, "appsettings.Development.json")));
        var secret = settings.RootElement.GetProperty("Monitoring").GetProperty("LinkageSecret").GetString()!;
        Assert.Equal(MonitoringOptions.DevelopmentLinkageSecret, secret);
        return secret;
    }

    private static async Task<(int, string)> StartAsync(string secret, string environment)
    {
        var root = Directory.CreateTempSubdirectory("monitoring-secret-").FullName;
        try
        {
            return await ServerProcess.RunToExitAsync(new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = environment,
                ["Monitoring__StudyPath"] = TestStudy.Write(Path.Combine(root, "study")),
                ["Monitoring__DataPath"] = Path.Combine(root, "data"),
                ["Monitoring__LinkageSecret"] = secret,
                ["Monitoring__Batch__LocalSchedule"] = "false",
            });
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void AssertNoStackTrace(string output)
    {
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.DoesNotContain("   at ", output);
    }
}
