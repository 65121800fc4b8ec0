using System.Net;
using System.Runtime.InteropServices;
using CimdHost.Catalog;
using CimdHost.IntegrationTests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace CimdHost.IntegrationTests.Catalog;

/// <summary>Hot reload: debounce, last good version, deletes, ConfigMap symlink swaps and editor renames.</summary>
public sealed class ReloadTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Edit_IsServedOnceTheDebounceWindowHasPassed()
    {
        using var factory = FakeTimeFactory(out var time);
        var path = Path.Combine(factory.ClientsDirectory, "probe.yaml");
        File.WriteAllText(path, TestDefinitions.Query(name: "Before"));
        using var client = await factory.CreateReadyClientAsync();
        using var before = await client.GetAsync("/probe.json?instance_id=1");
        var generation = factory.Catalog.Current.Generation;

        TestDefinitions.WriteAtomically(path, TestDefinitions.Query(name: "After"));
        time.Advance(Poll);
        using var stillOld = await client.GetAsync("/probe.json?instance_id=1");
        time.Advance(Debounce);
        await factory.Catalog.WaitForGenerationAfterAsync(generation);
        using var after = await client.GetAsync("/probe.json?instance_id=1");

        Assert.Contains("\"Before\"", await stillOld.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"After\"", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task BurstOfSaves_IsOneReload()
    {
        // A debounce longer than the poll: every poll within the burst pushes the reload further out.
        using var factory = FakeTimeFactory(out var time).WithSetting("Clients:ReloadDebounce", "00:00:01");
        var path = Path.Combine(factory.ClientsDirectory, "probe.yaml");
        File.WriteAllText(path, TestDefinitions.Query(name: "v0"));
        await factory.CreateReadyClientAsync();
        var generation = factory.Catalog.Current.Generation;

        for (var i = 1; i <= 5; i++)
        {
            TestDefinitions.WriteAtomically(path, TestDefinitions.Query(name: $"v{i}"));
            time.Advance(Poll);
        }

        var beforeQuiet = factory.Catalog.Current.Generation;
        time.Advance(TimeSpan.FromSeconds(1));
        var snapshot = await factory.Catalog.WaitForGenerationAfterAsync(generation);
        time.Advance(Poll);
        await Task.Delay(200);

        Assert.Equal(generation, beforeQuiet);

        Assert.Equal(generation + 1, factory.Catalog.Current.Generation);
        Assert.Equal(generation + 1, snapshot.Generation);
    }

    [Fact]
    public async Task TouchWithoutChange_KeepsETagButNotLastModified()
    {
        using var factory = new CimdHostFactory(null);
        var path = Path.Combine(factory.ClientsDirectory, "probe.yaml");
        File.WriteAllText(path, TestDefinitions.Query());
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        using var client = await factory.CreateReadyClientAsync();
        using var before = await client.GetAsync("/probe.json?instance_id=1");

        File.SetLastWriteTimeUtc(path, new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc));
        await factory.Catalog.ReloadAsync();
        using var after = await client.GetAsync("/probe.json?instance_id=1");

        Assert.Equal(before.Headers.ETag, after.Headers.ETag);
        Assert.NotEqual(before.Content.Headers.LastModified, after.Content.Headers.LastModified);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), after.Content.Headers.LastModified);
    }

    [Fact]
    public async Task InvalidEdit_KeepsServingTheLastGoodVersion_UntilFixed()
    {
        using var factory = new CimdHostFactory(null);
        var path = Path.Combine(factory.ClientsDirectory, "probe.yaml");
        File.WriteAllText(path, TestDefinitions.Query(name: "Good"));
        using var client = await factory.CreateReadyClientAsync();

        File.WriteAllText(path, TestDefinitions.Query(name: "Broken").Replace("spiffe_jwt", "client_secret_basic", StringComparison.Ordinal));
        await factory.Catalog.ReloadAsync();
        using var during = await client.GetAsync("/probe.json?instance_id=1");
        using var ready = await client.GetAsync("/readyz");
        var status = Assert.Single(factory.Catalog.Current.Definitions);

        File.WriteAllText(path, TestDefinitions.Query(name: "Fixed"));
        await factory.Catalog.ReloadAsync();
        using var after = await client.GetAsync("/probe.json?instance_id=1");

        Assert.Contains("\"Good\"", await during.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DefinitionState.ServedLastGood, status.State);
        Assert.Contains(status.Findings, finding => finding.Rule == "auth-method-shared-secret");
        Assert.Contains("auth-method-shared-secret", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"Fixed\"", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DefinitionState.Served, Assert.Single(factory.Catalog.Current.Definitions).State);
    }

    [Fact]
    public async Task Delete_StopsTheClientAtTheNextReload()
    {
        using var factory = new CimdHostFactory(null);
        var path = Path.Combine(factory.ClientsDirectory, "probe.yaml");
        File.WriteAllText(path, TestDefinitions.Query());
        using var client = await factory.CreateReadyClientAsync();
        using var before = await client.GetAsync("/probe.json?instance_id=1");

        File.Delete(path);
        await factory.Catalog.ReloadAsync();
        using var after = await client.GetAsync("/probe.json?instance_id=1");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task ConfigMapDataSwap_IsPickedUp_AndHiddenEntriesAreNotDefinitions()
    {
        using var factory = FakeTimeFactory(out var time);
        var root = factory.ClientsDirectory;
        WriteConfigMapVersion(root, "..2026_12_03_10_00_00.1", "First");
        Directory.CreateSymbolicLink(Path.Combine(root, "..data"), "..2026_12_03_10_00_00.1");
        File.CreateSymbolicLink(Path.Combine(root, "probe.yaml"), Path.Combine("..data", "probe.yaml"));
        using var client = await factory.CreateReadyClientAsync();
        using var before = await client.GetAsync("/probe.json?instance_id=1");
        var generation = factory.Catalog.Current.Generation;

        // The kubelet's update: a new timestamped folder, a new link, and one rename over ..data.
        WriteConfigMapVersion(root, "..2026_12_03_10_05_00.2", "Second");
        Directory.CreateSymbolicLink(Path.Combine(root, "..data_tmp"), "..2026_12_03_10_05_00.2");
        PosixRename(Path.Combine(root, "..data_tmp"), Path.Combine(root, "..data"));
        Directory.Delete(Path.Combine(root, "..2026_12_03_10_00_00.1"), recursive: true);
        time.Advance(Poll);
        time.Advance(Debounce);
        var snapshot = await factory.Catalog.WaitForGenerationAfterAsync(generation);
        using var after = await client.GetAsync("/probe.json?instance_id=1");

        Assert.Contains("\"First\"", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"Second\"", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var only = Assert.Single(snapshot.Definitions);
        Assert.EndsWith("probe.yaml", only.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditorWriteThenRename_IsPickedUp_AsOneReload()
    {
        // Note: file events and polling both run, as in production; a machine whose inotify instances run out
        // (many test hosts at once) still sees the change by polling.
        using var factory = new CimdHostFactory(null);
        var path = Path.Combine(factory.ClientsDirectory, "probe.yaml");
        File.WriteAllText(path, TestDefinitions.Query(name: "Before"));
        using var client = await factory.CreateReadyClientAsync();
        var generation = factory.Catalog.Current.Generation;

        TestDefinitions.WriteAtomically(path, TestDefinitions.Query(name: "After"));
        await factory.Catalog.WaitForGenerationAfterAsync(generation);
        await Task.Delay(1000);
        using var after = await client.GetAsync("/probe.json?instance_id=1");

        Assert.Contains("\"After\"", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(generation + 1, factory.Catalog.Current.Generation);
    }

    [Fact]
    public async Task ConcurrentReaders_During100Reloads_SeeOnlyWholeOldOrNewDocuments()
    {
        using var factory = new CimdHostFactory(null).WithSetting("Clients:WatchForChanges", "false")
            .WithSetting("Clients:PollInterval", "00:00:00");
        var path = Path.Combine(factory.ClientsDirectory, "probe.yaml");
        File.WriteAllText(path, TestDefinitions.Query(name: "A"));
        using var client = await factory.CreateReadyClientAsync();
        var expected = new HashSet<string>(StringComparer.Ordinal)
        {
            await client.GetStringAsync("/probe.json?instance_id=1"),
        };
        File.WriteAllText(path, TestDefinitions.Query(name: "B"));
        await factory.Catalog.ReloadAsync();
        expected.Add(await client.GetStringAsync("/probe.json?instance_id=1"));
        using var stop = new CancellationTokenSource();
        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();

        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await client.GetAsync("/probe.json?instance_id=1");
                seen.Add(response.StatusCode + " " + await response.Content.ReadAsStringAsync());
            }
        })).ToArray();
        for (var i = 0; i < 100; i++)
        {
            TestDefinitions.WriteAtomically(path, TestDefinitions.Query(name: i % 2 == 0 ? "A" : "B"));
            await factory.Catalog.ReloadAsync();
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Equal(2, expected.Count);
        Assert.NotEmpty(seen);
        Assert.All(seen, body => Assert.Contains(body["OK ".Length..], expected));
    }

    [Fact]
    public async Task ManyDistinctInstanceValues_StayWithinTheCacheSizeLimit()
    {
        using var factory = new CimdHostFactory(null).WithSetting("Clients:CacheSizeLimitMegabytes", "1");
        File.WriteAllText(Path.Combine(factory.ClientsDirectory, "probe.yaml"), TestDefinitions.Query());
        using var client = await factory.CreateReadyClientAsync();

        // Twice each: a document is stored on its second request.
        for (var i = 0; i < 16000; i++)
        {
            using var response = await client.GetAsync($"/probe.json?instance_id={i / 2}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var entries = OutputCacheInspector.EntryCount(factory.Services);

        // Each entry holds at least its ~270-byte body, so 1 MB can hold at most a few thousand of the 8000.
        Assert.InRange(entries, 1, 1024 * 1024 / 270);
    }

    private static CimdHostFactory FakeTimeFactory(out FakeTimeProvider time)
    {
        time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        return new CimdHostFactory(null, time).WithSetting("Clients:WatchForChanges", "false");
    }

    /// <summary>rename(2), which replaces the ..data link atomically as the kubelet does; .NET has no API for it.</summary>
    private static void PosixRename(string source, string destination)
    {
        if (Rename(source, destination) != 0)
        {
            throw new IOException($"rename failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [DllImport("libc", EntryPoint = "rename", SetLastError = true, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Rename(
        [MarshalAs(UnmanagedType.LPUTF8Str)] string source,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string destination);

    private static void WriteConfigMapVersion(string root, string folder, string name)
    {
        Directory.CreateDirectory(Path.Combine(root, folder));
        File.WriteAllText(Path.Combine(root, folder, "probe.yaml"), TestDefinitions.Query(name: name));
    }
}
