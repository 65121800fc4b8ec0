using System.Diagnostics;
using CimdHost.Catalog;
using CimdHost.Validation;

namespace CimdHost.UnitTests.Catalog;

/// <summary>
/// Entries of clients.d that have a definition's name but are no regular file. Each must come back as a refused
/// definition with an error, promptly: never skipped in silence, never read without bound, never waited on.
/// </summary>
public sealed class CatalogLoaderSpecialEntryTests : IDisposable
{
    /// <summary>A hang guard, not a speed bound: loading one small folder takes milliseconds.</summary>
    private static readonly TimeSpan LoadGuard = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan StuckLoadLimit = TimeSpan.FromMinutes(2);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cimdhost-special-");

    [Fact]
    public async Task Load_DirectoryNamedLikeADefinition_ReportedAsRefused()
    {
        var path = Path.Combine(_folder.FullName, "x.yaml");
        Directory.CreateDirectory(path);

        var snapshot = await LoadGuardedAsync(release: null);

        AssertRefused(snapshot, path);
    }

    [Fact]
    public async Task Load_SymlinkToDevZero_RefusedWithoutReadingPastTheSizeLimit()
    {
        var path = Path.Combine(_folder.FullName, "z.yaml");
        File.CreateSymbolicLink(path, "/dev/zero");

        var snapshot = await LoadGuardedAsync(release: null);

        AssertRefused(snapshot, path);
    }

    [Fact]
    public async Task Load_Fifo_RefusedWithoutWaitingForAWriter()
    {
        var path = Path.Combine(_folder.FullName, "f.yaml");
        MakeFifo(path);

        // Opening a FIFO for reading and writing never blocks on Linux, and lets a blocked reader through to EOF.
        var snapshot = await LoadGuardedAsync(release: () =>
        {
            using var writer = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        });

        AssertRefused(snapshot, path);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private async Task<CatalogSnapshot> LoadGuardedAsync(Action? release)
    {
        var loader = new CatalogLoader(new DefinitionValidator(), TimeProvider.System);
        var load = Task.Run(() => loader.Load(_folder.FullName, 300, new ReservedPaths([]), CatalogSnapshot.Empty));
        if (await Task.WhenAny(load, Task.Delay(LoadGuard)) == load)
        {
            return await load;
        }

        // End the stuck load before failing, so that it cannot leak into other tests.
        var stopwatch = Stopwatch.StartNew();
        while (!load.IsCompleted && stopwatch.Elapsed < StuckLoadLimit)
        {
            release?.Invoke();
            await Task.WhenAny(load, Task.Delay(100));
        }

        Assert.Fail($"the load did not finish within {LoadGuard.TotalSeconds} s "
            + $"(then: {(load.IsFaulted ? load.Exception!.InnerException!.GetType().Name : load.IsCompleted ? "ended" : "still running")})");

        return null!;
    }

    private static void AssertRefused(CatalogSnapshot snapshot, string path)
    {
        var status = snapshot.Definitions.FirstOrDefault(status => status.Path == path);

        Assert.True(status is not null, $"{Path.GetFileName(path)} is not reported at all");
        Assert.Equal(DefinitionState.Refused, status.State);
        Assert.Contains(status.Findings, finding => finding.IsError);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        Assert.True(mkfifo.WaitForExit(10_000) && mkfifo.ExitCode == 0, $"mkfifo {path} failed");
    }
}
