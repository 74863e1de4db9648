using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;

namespace Monitoring.Storage.Tests;

/// <summary>What every <see cref="IUsedCodeStore"/> must do; each store's test class runs these against the real store.</summary>
public abstract class UsedCodeStoreContract
{
    private static readonly StudyId Study = new("test-study");
    private static readonly WaveId T0 = new("T0");
    private static readonly string Hash = new('a', 64);

    /// <summary>A new, empty store.</summary>
    protected abstract IUsedCodeStore CreateStore();

    [Fact]
    public async Task ACodeIsMarkedUsedOnceAndAgainOnlyAfterARelease()
    {
        var store = CreateStore();

        var first = await store.TryMarkUsedAsync(Study, T0, Hash);
        var second = await store.TryMarkUsedAsync(Study, T0, Hash);
        var otherWave = await store.TryMarkUsedAsync(Study, new WaveId("T1"), Hash);
        await store.ReleaseAsync(Study, T0, Hash);
        var afterRelease = await store.TryMarkUsedAsync(Study, T0, Hash);

        Assert.Equal((true, false, true, true), (first, second, otherWave, afterRelease));
    }

    [Fact]
    public async Task OfConcurrentUsesOfOneCodeExactlyOneMarksIt()
    {
        var store = CreateStore();
        var hash = new string('b', 64);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => store.TryMarkUsedAsync(Study, T0, hash))));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task ReleasingAnUnusedCodeIsHarmless()
    {
        var store = CreateStore();

        await store.ReleaseAsync(Study, T0, new string('c', 64));

        Assert.True(await store.TryMarkUsedAsync(Study, T0, new string('c', 64)));
    }
}
