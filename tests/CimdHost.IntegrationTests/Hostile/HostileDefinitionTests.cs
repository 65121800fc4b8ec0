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
    private const string ShippedExample = "example.yaml";

    public static TheoryData<string> DropNames() => new(HostileDrops.All.Select(drop => drop.Name));

    public static TheoryData<string> HostileFileNames() =>
        new(HostileDrops.All.Where(drop => drop.IsRegularFile && !drop.TargetsShippedClients).Select(drop => drop.Name));

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
        var drops = HostileDrops.All.Where(drop => drop.IsRegularFile && !drop.TargetsShippedClients).ToArray();
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

    [Theory]
    [MemberData(nameof(HostileFileNames))]
    public async Task LiveFolder_ShippedDefinitionOverwrittenWithHostileFile_ServesLastGoodAndReadyzReportsIt(string name)
    {
        var drop = HostileDrops.ByName(name);
        await using var factory = CimdHostFactory.ForShippedClients();
        using var client = await factory.CreateReadyClientAsync();
        var before = await LiveFolder.CaptureShippedAsync(factory.Server);
        var side = Directory.CreateTempSubdirectory("cimdhost-side-");
        drop.Create(side.FullName);

        // An editor's save of the shipped example: the hostile file is renamed over it.
        File.Move(Path.Combine(side.FullName, drop.FileName), Path.Combine(factory.ClientsDirectory, ShippedExample), overwrite: true);
        side.Delete(recursive: true);
        await LiveFolder.ReloadAsync(factory, drop);

        await LiveFolder.AssertShippedUnchangedAsync(factory.Server, before, $"{drop.FileName} over {ShippedExample}");
        await LiveFolder.AssertReadyzReportsAsync(factory.Server, factory.ClientsDirectory, drop, ShippedExample, "served_last_good");
    }

    [Fact]
    public async Task LiveFolder_ShippedDefinitionEditedIntoAnotherClientsClientId_ServesLastGoodAndReadyzReportsIt()
    {
        await using var factory = CimdHostFactory.ForShippedClients();
        using var client = await factory.CreateReadyClientAsync();
        var before = await LiveFolder.CaptureShippedAsync(factory.Server);
        var path = Path.Combine(factory.ClientsDirectory, ShippedExample);
        var edited = (await File.ReadAllTextAsync(path)).Replace(
            "client_id: https://example.com/client.json", "client_id: https://example.com/pods.json", StringComparison.Ordinal);
        var drop = new HostileDrop("copy-paste-client-id", ShippedExample, _ => { }, "duplicate-client-id");

        // A copy-paste slip: the example now claims the pods client's client_id, which pods.yaml already serves.
        await File.WriteAllTextAsync(path + ".tmp", edited);
        File.Move(path + ".tmp", path, overwrite: true);
        await LiveFolder.ReloadAsync(factory, drop);

        await LiveFolder.AssertShippedUnchangedAsync(factory.Server, before, "the edit of " + ShippedExample);
        await LiveFolder.AssertReadyzReportsAsync(factory.Server, factory.ClientsDirectory, drop, state: "served_last_good");
    }
}
