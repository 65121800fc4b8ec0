using System.Net;
using CimdHost.IntegrationTests.TestSupport;

namespace CimdHost.IntegrationTests.Serving;

/// <summary>
/// What the output cache stores: documents asked for again, nothing when it is off, and nothing after an edit.
/// </summary>
public sealed class OutputCacheTests
{
    [Fact]
    public async Task Document_IsStoredOnItsSecondRequest_AndReplayedUnchanged()
    {
        using var factory = ProbeFactory();
        using var client = await factory.CreateReadyClientAsync();

        var first = await client.GetByteArrayAsync("/probe.json?instance_id=1");
        Assert.Equal(0, OutputCacheInspector.EntryCount(factory.Services));

        var second = await client.GetByteArrayAsync("/probe.json?instance_id=1");
        Assert.Equal(1, OutputCacheInspector.EntryCount(factory.Services));

        var replayed = await client.GetByteArrayAsync("/probe.json?instance_id=1");
        Assert.Equal(1, OutputCacheInspector.EntryCount(factory.Services));
        Assert.Equal(first, second);
        Assert.Equal(first, replayed);
    }

    [Fact]
    public async Task FloodOfDistinctValues_StoresAlmostNothing()
    {
        using var factory = ProbeFactory();
        using var client = await factory.CreateReadyClientAsync();

        for (var i = 0; i < 2000; i++)
        {
            using var response = await client.GetAsync($"/probe.json?instance_id={i}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Only values the admission filter mistakes for repeats (a fraction of a percent this early) are stored.
        Assert.InRange(OutputCacheInspector.EntryCount(factory.Services), 0, 40);
    }

    [Fact]
    public async Task CacheSizeLimitZero_StoresNothing_AndKeepsTheValidators()
    {
        using var factory = ProbeFactory().WithSetting("Clients:CacheSizeLimitMegabytes", "0");
        using var client = await factory.CreateReadyClientAsync();

        await client.GetAsync("/probe.json?instance_id=1");
        using var response = await client.GetAsync("/probe.json?instance_id=1");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/probe.json?instance_id=1");
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await client.SendAsync(conditional);

        Assert.Equal(0, OutputCacheInspector.EntryCount(factory.Services));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(response.Headers.ETag, notModified.Headers.ETag);
        Assert.Equal(response.Content.Headers.LastModified, notModified.Content.Headers.LastModified);
    }

    [Fact]
    public async Task Edit_EvictsTheClientsStoredDocuments()
    {
        using var factory = ProbeFactory().WithSetting("Clients:WatchForChanges", "false");
        var path = Path.Combine(factory.ClientsDirectory, "probe.yaml");
        using var client = await factory.CreateReadyClientAsync();
        await client.GetAsync("/probe.json?instance_id=1");
        await client.GetAsync("/probe.json?instance_id=1");
        Assert.Equal(1, OutputCacheInspector.EntryCount(factory.Services));

        TestDefinitions.WriteAtomically(path, TestDefinitions.Query(name: "Edited"));
        await factory.Catalog.ReloadAsync();

        Assert.Equal(0, OutputCacheInspector.EntryCount(factory.Services));
        Assert.Contains("Edited", await client.GetStringAsync("/probe.json?instance_id=1"), StringComparison.Ordinal);
    }

    private static CimdHostFactory ProbeFactory()
    {
        var factory = new CimdHostFactory(null);
        File.WriteAllText(Path.Combine(factory.ClientsDirectory, "probe.yaml"), TestDefinitions.Query());
        return factory;
    }
}
