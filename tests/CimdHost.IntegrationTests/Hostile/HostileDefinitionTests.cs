using CimdHost.IntegrationTests.TestSupport;
using Xunit.Abstractions;

namespace CimdHost.IntegrationTests.Hostile;

/// <summary>
/// Hostile entries dropped into a live clients folder beside the shipped clients: after each drop and reload the
/// service is alive, every shipped client serves the same bytes, /readyz names the entry with a located error, and
/// memory stays bounded.
/// </summary>
[Collection(MemoryMeasuringGroup.Name)]
public sealed class HostileDefinitionTests(ITestOutputHelper output)
{
    public static TheoryData<string> DropNames() => new(HostileDrops.All.Select(drop => drop.Name));

    [Theory]
    [MemberData(nameof(DropNames))]
    public async Task LiveFolder_HostileDrop_ShippedClientsServeAndReadyzReportsIt(string name)
    {
        var drop = HostileDrops.ByName(name);
        await using var factory = CimdHostFactory.ForShippedClients();
        using var client = await factory.CreateReadyClientAsync();
        var before = await LiveFolder.CaptureShippedAsync(factory.Server);
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        await using var peak = PeakWorkingSet.Start();

        drop.Create(factory.ClientsDirectory);
        await LiveFolder.ReloadAsync(factory, drop);

        var peakGrowth = peak.Growth;
        var managedGrowth = GC.GetTotalMemory(forceFullCollection: true) - managedBefore;
        output.WriteLine($"{name}: working set peak +{peakGrowth / 1024} KiB, managed heap {managedGrowth / 1024:+#;-#;0} KiB");
        await LiveFolder.AssertShippedUnchangedAsync(factory.Server, before, drop.FileName);
        await LiveFolder.AssertReadyzReportsAsync(factory.Server, factory.ClientsDirectory, drop);
        Assert.True(peakGrowth < LiveFolder.MaxGrowthBytes, $"the working set grew by {peakGrowth / (1024 * 1024)} MiB");
        Assert.True(managedGrowth < LiveFolder.MaxGrowthBytes, $"the managed heap grew by {managedGrowth / (1024 * 1024)} MiB");
    }

    [Fact]
    public async Task LiveFolder_EveryHostileFileInTurn_ShippedClientsServeAndMemoryStaysBounded()
    {
        var drops = HostileDrops.All.Where(drop => drop.IsRegularFile).ToArray();
        await using var factory = CimdHostFactory.ForShippedClients();
        using var client = await factory.CreateReadyClientAsync();
        var before = await LiveFolder.CaptureShippedAsync(factory.Server);
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        await using var peak = PeakWorkingSet.Start();

        foreach (var drop in drops)
        {
            drop.Create(factory.ClientsDirectory);
            await LiveFolder.ReloadAsync(factory, drop);
            await LiveFolder.AssertShippedUnchangedAsync(factory.Server, before, drop.FileName);
        }

        var peakGrowth = peak.Growth;
        var managedGrowth = GC.GetTotalMemory(forceFullCollection: true) - managedBefore;
        output.WriteLine($"{drops.Length} drops: working set peak +{peakGrowth / 1024} KiB, managed heap {managedGrowth / 1024:+#;-#;0} KiB");
        foreach (var drop in drops)
        {
            await LiveFolder.AssertReadyzReportsAsync(factory.Server, factory.ClientsDirectory, drop);
        }

        Assert.True(peakGrowth < LiveFolder.MaxGrowthBytes, $"the working set grew by {peakGrowth / (1024 * 1024)} MiB");
        Assert.True(managedGrowth < LiveFolder.MaxGrowthBytes, $"the managed heap grew by {managedGrowth / (1024 * 1024)} MiB");
    }
}
