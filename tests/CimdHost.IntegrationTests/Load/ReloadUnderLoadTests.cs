using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CimdHost.IntegrationTests.Oracles;
using CimdHost.IntegrationTests.TestSupport;
using Xunit.Abstractions;

namespace CimdHost.IntegrationTests.Load;

/// <summary>
/// Requests at full speed while a definition is rewritten every 100 ms between two valid versions, the way editors
/// save (a temporary file, then a rename over the old one): no request for a valid URL may fail, and every body must
/// be exactly one of the two versions' documents, with the ETag of that same version.
/// </summary>
public sealed class ReloadUnderLoadTests(ITestOutputHelper output)
{
    private const int Workers = 4;
    private const int MaxRequestsPerWorker = 100_000;
    private const int Instances = 16;
    private const int MaxReportedFailures = 20;
    private const string DefinitionName = "example.yaml";
    private const string OriginalName = "client_name: Example workload";

    private static readonly TimeSpan LoadDuration = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan WritePeriod = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ConvergenceGuard = TimeSpan.FromSeconds(10);

    [Fact]
    public Task RewrittenEvery100ms_WatcherReloads_NoFailedOrTornResponses() => RunAsync(reloadDirectly: false);

    [Fact]
    public Task RewrittenEvery100ms_DirectReloadsAsWell_NoFailedOrTornResponsesAndBothVersionsServed() => RunAsync(reloadDirectly: true);

    private async Task RunAsync(bool reloadDirectly)
    {
        await using var factory = CimdHostFactory.ForShippedClients();
        using var http = await factory.CreateReadyClientAsync();
        var path = Path.Combine(factory.ClientsDirectory, DefinitionName);
        var original = await File.ReadAllTextAsync(path);
        Assert.Contains(OriginalName, original, StringComparison.Ordinal);
        string[] texts = [original.Replace(OriginalName, "client_name: A", StringComparison.Ordinal),
            original.Replace(OriginalName, "client_name: B", StringComparison.Ordinal)];
        var expected = new ServedVersion[2][];
        for (var version = 0; version < 2; version++)
        {
            WriteAtomically(path, texts[version]);
            await factory.Catalog.ReloadAsync();
            expected[version] = await FetchAllAsync(http);
        }

        var failures = new ConcurrentQueue<string>();
        var served = new long[2];
        var writes = 0;
        var reloads = 0;
        var reloadsBefore = factory.Catalog.ReloadCount;
        using var deadline = new CancellationTokenSource(LoadDuration);
        var stopwatch = Stopwatch.StartNew();

        var writer = Task.Run(async () =>
        {
            while (!deadline.IsCancellationRequested)
            {
                WriteAtomically(path, texts[++writes % 2]);
                await Task.Delay(WritePeriod, CancellationToken.None);
            }
        });
        var reloader = !reloadDirectly ? Task.CompletedTask : Task.Run(async () =>
        {
            while (!deadline.IsCancellationRequested)
            {
                await factory.Catalog.ReloadAsync();
                reloads++;
            }
        });
        var workers = Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < MaxRequestsPerWorker && !deadline.IsCancellationRequested; i++)
            {
                var instance = (worker * 7 + i) % Instances;
                if (await CheckOneAsync(http, instance, expected) is { } version)
                {
                    Interlocked.Increment(ref served[version]);
                }
                else if (failures.Count < MaxReportedFailures)
                {
                    failures.Enqueue(await DescribeAsync(http, instance));
                }
            }
        })).ToArray();
        await Task.WhenAll([writer, reloader, .. workers]);
        stopwatch.Stop();

        var last = writes % 2;
        var converged = await ConvergesAsync(http, expected[last]);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{served[0] + served[1]} requests in {stopwatch.Elapsed.TotalSeconds:F1} s ({served[0]} A, {served[1]} B), "
            + $"{writes} writes, {factory.Catalog.ReloadCount - reloadsBefore} reloads ({reloads} direct), {failures.Count} failures"));
        Assert.True(failures.IsEmpty, string.Join('\n', failures));
        Assert.True(converged, $"after the last write the service did not serve version {(last == 0 ? "A" : "B")} within {ConvergenceGuard}");
        if (reloadDirectly)
        {
            Assert.True(served[0] > 0 && served[1] > 0, $"served A {served[0]} times and B {served[1]} times");
        }
    }

    /// <summary>The version whose whole document (and ETag) one response carried, or null when it was neither.</summary>
    private static async Task<int?> CheckOneAsync(HttpClient http, int instance, ServedVersion[][] expected)
    {
        using var response = await http.GetAsync(Target(instance));
        if ((int)response.StatusCode != 200)
        {
            return null;
        }

        var body = await response.Content.ReadAsByteArrayAsync();
        var etag = response.Headers.ETag?.Tag;
        for (var version = 0; version < expected.Length; version++)
        {
            if (expected[version][instance].Body.AsSpan().SequenceEqual(body) && expected[version][instance].ETag == etag)
            {
                return version;
            }
        }

        return null;
    }

    private static async Task<string> DescribeAsync(HttpClient http, int instance)
    {
        using var response = await http.GetAsync(Target(instance));
        var body = await response.Content.ReadAsStringAsync();

        return $"{Target(instance)}: {(int)response.StatusCode} {response.Headers.ETag} {body}";
    }

    private static async Task<ServedVersion[]> FetchAllAsync(HttpClient http)
    {
        var documents = new ServedVersion[Instances];
        for (var instance = 0; instance < Instances; instance++)
        {
            using var response = await http.GetAsync(Target(instance));
            Assert.Equal(200, (int)response.StatusCode);
            var body = await response.Content.ReadAsByteArrayAsync();
            using var document = JsonDocument.Parse(body);
            Assert.Equal(ShippedClients.Origin + Target(instance), document.RootElement.GetProperty("client_id").GetString());
            documents[instance] = new ServedVersion(body, response.Headers.ETag?.Tag);
        }

        return documents;
    }

    private static async Task<bool> ConvergesAsync(HttpClient http, ServedVersion[] last)
    {
        using var guard = new CancellationTokenSource(ConvergenceGuard);
        while (!guard.IsCancellationRequested)
        {
            using var response = await http.GetAsync(Target(0), CancellationToken.None);
            var body = await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
            if (last[0].Body.AsSpan().SequenceEqual(body))
            {
                return true;
            }

            await Task.Delay(50, CancellationToken.None);
        }

        return false;
    }

    private static string Target(int instance) => "/client.json?instance_id=" + instance.ToString(CultureInfo.InvariantCulture);

    /// <summary>An editor's save: a temporary file (not a definition name) beside it, then a rename over the old one.</summary>
    private static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }

    private sealed record ServedVersion(byte[] Body, string? ETag);
}
