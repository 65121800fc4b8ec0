using System.Text.Json;
using System.Text.RegularExpressions;
using CimdHost.IntegrationTests.Oracles;
using CimdHost.IntegrationTests.TestSupport;
using Microsoft.AspNetCore.TestHost;

namespace CimdHost.IntegrationTests.Hostile;

/// <summary>What a test that drops hostile entries into a live clients folder checks after each drop.</summary>
internal static class LiveFolder
{
    /// <summary>A hang guard, not a speed bound: a reload of a small folder takes milliseconds.</summary>
    public static readonly TimeSpan ReloadGuard = TimeSpan.FromSeconds(10);

    /// <summary>A correctness bound on memory: a bomb or an unbounded read takes gigabytes.</summary>
    public const long MaxGrowthBytes = 200L * 1024 * 1024;

    private static readonly TimeSpan StuckReloadLimit = TimeSpan.FromMinutes(2);

    /// <summary>The exact bytes every shipped client serves now.</summary>
    public static async Task<Dictionary<string, byte[]>> CaptureShippedAsync(TestServer server)
    {
        var documents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var target in ShippedClients.ExampleTargets)
        {
            var response = await server.SendRawAsync(target);
            Assert.True(response.Status == 200, $"{target}: {response.Status} {response.Text}");
            documents[target] = response.Body;
        }

        return documents;
    }

    /// <summary>Asserts that the service is alive and every shipped client still serves 200 with the same bytes.</summary>
    public static async Task AssertShippedUnchangedAsync(TestServer server, Dictionary<string, byte[]> before, string after)
    {
        var health = await server.SendRawAsync("/healthz");
        Assert.True(health.Status == 200, $"after {after}: /healthz answered {health.Status}");

        foreach (var (target, bytes) in before)
        {
            var response = await server.SendRawAsync(target);
            Assert.True(response.Status == 200, $"after {after}: {target} answered {response.Status} {response.Text}");
            Assert.True(bytes.AsSpan().SequenceEqual(response.Body), $"after {after}: {target} changed to {response.Text}");
        }
    }

    /// <summary>Asserts that /readyz is ready, still counts every shipped client, and reports the entry with a located error.</summary>
    public static async Task AssertReadyzReportsAsync(
        TestServer server,
        string folder,
        HostileDrop drop,
        string? fileName = null,
        string state = "refused")
    {
        var response = await server.SendRawAsync("/readyz");
        Assert.True(response.Status == 200, $"/readyz answered {response.Status}: {response.Text}");
        using var readiness = JsonDocument.Parse(response.Body);
        var root = readiness.RootElement;
        Assert.Equal("ready", root.GetProperty("status").GetString());
        Assert.True(root.GetProperty("clients").GetInt32() >= ShippedClients.ExampleTargets.Count, response.Text);

        var path = Path.Combine(folder, fileName ?? drop.FileName);
        var problems = root.GetProperty("problems").EnumerateArray().ToArray();
        var problem = problems.FirstOrDefault(entry => entry.GetProperty("path").GetString() == path);
        Assert.True(problem.ValueKind == JsonValueKind.Object, $"/readyz does not name {Path.GetFileName(path)}; it names "
            + $"[{string.Join(", ", problems.Select(entry => Path.GetFileName(entry.GetProperty("path").GetString())))}]");
        Assert.Equal(state, problem.GetProperty("state").GetString());

        // The compiler-style line editors and CI logs link to: path:line:column: error: message [rule].
        var located = new Regex($@"\A{Regex.Escape(path)}:[1-9][0-9]*:[1-9][0-9]*: error: .+ \[([a-z0-9-]+)\]\z", RegexOptions.Singleline);
        var rules = problem.GetProperty("errors").EnumerateArray()
            .Select(error => located.Match(error.GetString()!))
            .Select(match => match.Success ? match.Groups[1].Value : null)
            .ToArray();
        Assert.NotEmpty(rules);
        Assert.True(rules.All(rule => rule is not null), $"an error of {Path.GetFileName(path)} has no path:line:column: {problem}");
        if (drop.Rule is { } expected)
        {
            Assert.Contains(expected, rules);
        }
    }

    /// <summary>Reloads and fails, once the reload has really ended, when it did not finish within the hang guard.</summary>
    public static async Task ReloadAsync(CimdHostFactory factory, HostileDrop drop)
    {
        // Note: ReloadAsync reads the folder synchronously before its first await, so a read that blocks (a FIFO)
        // would block this caller too; run it on the pool so that the guard below can fire.
        var reload = Task.Run(() => factory.Catalog.ReloadAsync());
        var finished = await Task.WhenAny(reload, Task.Delay(ReloadGuard)) == reload;
        if (finished && reload.IsCompletedSuccessfully)
        {
            return;
        }

        var failure = finished
            ? $"threw {reload.Exception?.InnerException?.GetType().Name}: {reload.Exception?.InnerException?.Message}"
            : $"did not finish within {ReloadGuard.TotalSeconds} s";
        var ended = await RecoverAsync(factory, drop, reload);

        Assert.Fail($"the reload after dropping {drop.FileName} {failure} ({ended})");
    }

    /// <summary>
    /// Ends what a failed drop started, so that it cannot leak into the next test: unblocks the stuck reload, takes the
    /// entry away, and lets any reload the watcher queued meanwhile run to its end before the factory is disposed.
    /// </summary>
    private static async Task<string> RecoverAsync(CimdHostFactory factory, HostileDrop drop, Task reload)
    {
        using var limit = new CancellationTokenSource(StuckReloadLimit);
        while (!reload.IsCompleted && !limit.IsCancellationRequested)
        {
            drop.Release?.Invoke(factory.ClientsDirectory);
            await Task.WhenAny(reload, Task.Delay(100, CancellationToken.None));
        }

        drop.RemoveFrom(factory.ClientsDirectory);
        var drain = Task.Run(() => factory.Catalog.ReloadAsync());
        await Task.WhenAny(drain, Task.Delay(StuckReloadLimit, CancellationToken.None));

        return reload switch
        {
            { IsCompletedSuccessfully: true } => "it ended once the test unblocked it",
            { IsFaulted: true } => $"it ended with {reload.Exception?.InnerException?.GetType().Name}",
            _ => $"it was still running after {StuckReloadLimit.TotalMinutes} minutes",
        };
    }
}
