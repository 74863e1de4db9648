using Monitoring.Core.Results;
using Monitoring.Core.Settings;

namespace Monitoring.Profiles.Tests.Support;

/// <summary>
/// Generated responses with planted school profiles (30,000 rows from the sample study, scaled up by
/// the generator to about 400 schools), their school means, and the profiles computed with k forced to
/// the number of planted profiles. Only schools with at least <see cref="PrivacyThreshold"/> valid scores
/// per scale take part, so that the sampling error of a school mean (about 0.2 person-SD) stays well below
/// the planted shifts (0.7–0.9 person-SD); at 5 or 10 too many small schools land between profiles.
/// </summary>
public sealed class PlantedProfiles : IAsyncLifetime
{
    public const int PrivacyThreshold = 20;
    public const int Planted = 4;

    internal GeneratedSchoolMeans Data { get; private set; } = null!;

    public ProfileSettings Settings { get; } = new() { ForcedK = Planted };

    public ProfileResults Results { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Data = await GeneratedSchoolMeans.CreateAsync(30_000, seed: 5);
        Results = SchoolProfiles.Compute(Data.Study, Data.Means, Settings, PrivacyThreshold);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
