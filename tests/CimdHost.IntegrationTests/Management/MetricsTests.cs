using System.Globalization;
using System.Text.RegularExpressions;
using CimdHost.IntegrationTests.TestSupport;
using Microsoft.AspNetCore.TestHost;

namespace CimdHost.IntegrationTests.Management;

/// <summary><c>/metrics</c>: the CimdHost meter in Prometheus text format, on the management listener.</summary>
public sealed class MetricsTests
{
    private const string Example = "https://example.com/client.json";

    [Fact]
    public async Task Metrics_DocumentFetched_CountsRequestByClientAndStatus()
    {
        using var factory = new CimdHostFactory();
        await factory.CreateReadyClientAsync();

        var document = await factory.Server.SendRawAsync("/client.json?instance_id=7");
        var metrics = await ScrapeAsync(factory.Server);

        Assert.Equal(200, document.Status);
        Assert.Equal(1, Value(metrics, "cimdhost_document_requests_total", ("client", Example), ("status", "200")));
    }

    [Fact]
    public async Task Metrics_ErrorsAndUnknownPaths_AreCountedByStatus()
    {
        using var factory = new CimdHostFactory();
        await factory.CreateReadyClientAsync();

        await factory.Server.SendRawAsync("/client.json?instance_id=abc");
        await factory.Server.SendRawAsync("/nothing-here.json");
        await factory.Server.SendRawAsync("/client.json?instance_id=7", method: "POST");
        await factory.Server.SendRawAsync("/nothing-here.json", method: "DELETE");
        var metrics = await ScrapeAsync(factory.Server);

        Assert.Equal(1, Value(metrics, "cimdhost_document_requests_total", ("client", Example), ("status", "400")));
        Assert.Equal(1, Value(metrics, "cimdhost_document_requests_total", ("client", "none"), ("status", "404")));
        Assert.Equal(1, Value(metrics, "cimdhost_document_requests_total", ("client", Example), ("status", "405")));
        Assert.Equal(1, Value(metrics, "cimdhost_document_requests_total", ("client", "none"), ("status", "405")));
    }

    [Fact]
    public async Task Metrics_FetchesAfterTheSecond_AreOutputCacheHits()
    {
        using var factory = new CimdHostFactory();
        await factory.CreateReadyClientAsync();

        // The first fetch is rendered and passed through, the second is rendered and stored, later ones are replayed.
        var first = await factory.Server.SendRawAsync("/client.json?instance_id=7");
        var second = await factory.Server.SendRawAsync("/client.json?instance_id=7");
        var third = await factory.Server.SendRawAsync("/client.json?instance_id=7");
        var conditional = await factory.Server.SendRawAsync("/client.json?instance_id=7",
            headers: new Dictionary<string, string> { ["If-None-Match"] = first.Headers.ETag.ToString() });
        var metrics = await ScrapeAsync(factory.Server);

        Assert.Equal([200, 200, 200, 304], new[] { first.Status, second.Status, third.Status, conditional.Status });
        Assert.Equal(2, Value(metrics, "cimdhost_document_cache_misses_total", ("client", Example)));
        Assert.Equal(2, Value(metrics, "cimdhost_document_cache_hits_total", ("client", Example)));
        Assert.Equal(1, Value(metrics, "cimdhost_document_requests_total", ("client", Example), ("status", "304")));
    }

    [Fact]
    public async Task Metrics_ReloadWithRefusedDefinition_ShowsReloadsAndStates()
    {
        using var factory = new CimdHostFactory();
        await factory.CreateReadyClientAsync();
        var reloads = factory.Catalog.ReloadCount;
        File.WriteAllText(Path.Combine(factory.ClientsDirectory, "broken.yaml"), "client_id: [\n");
        await factory.Catalog.ReloadAsync();

        var metrics = await ScrapeAsync(factory.Server);

        // The folder watcher may reload on its own as well; the explicit reload is counted either way.
        Assert.True(Value(metrics, "cimdhost_catalog_reloads_total") >= reloads + 1);
        Assert.Equal(0, Value(metrics, "cimdhost_catalog_reload_failures_total"));
        Assert.Equal(5, Value(metrics, "cimdhost_catalog_definitions", ("state", "served")));
        Assert.Equal(0, Value(metrics, "cimdhost_catalog_definitions", ("state", "served_last_good")));
        Assert.Equal(1, Value(metrics, "cimdhost_catalog_definitions", ("state", "refused")));
    }

    [Fact]
    public async Task Metrics_ManagementRequests_AreNotCountedAsDocuments()
    {
        using var factory = new CimdHostFactory();
        await factory.CreateReadyClientAsync();

        await factory.Server.SendRawAsync("/swagger/index.html", headers: ManagementRequests.Listener);
        await factory.Server.SendRawAsync("/clients", headers: ManagementRequests.Listener);
        var metrics = await ScrapeAsync(factory.Server);

        Assert.DoesNotContain("cimdhost_document_requests_total{", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_TwoHostsInOneProcess_EachCountsOnlyItsOwnRequests()
    {
        using var counted = new CimdHostFactory();
        using var idle = new CimdHostFactory();
        await counted.CreateReadyClientAsync();
        await idle.CreateReadyClientAsync();

        await counted.Server.SendRawAsync("/client.json?instance_id=7");
        var metrics = await ScrapeAsync(idle.Server);

        Assert.DoesNotContain("cimdhost_document_requests_total{", metrics, StringComparison.Ordinal);
        Assert.Equal(5, Value(metrics, "cimdhost_catalog_definitions", ("state", "served")));
    }

    private static async Task<string> ScrapeAsync(TestServer server)
    {
        var response = await server.SendRawAsync("/metrics", headers: ManagementRequests.Listener);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/plain", response.ContentType, StringComparison.Ordinal);

        return response.Text;
    }

    /// <summary>The value of the one series of <paramref name="name"/> whose labels include all of <paramref name="labels"/>.</summary>
    private static double Value(string metrics, string name, params (string Name, string Value)[] labels)
    {
        var series = metrics.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            .Where(line => labels.All(label => line.Contains($"{label.Name}=\"{label.Value}\"", StringComparison.Ordinal)))
            .ToArray();
        Assert.True(series.Length == 1, $"expected one series {name} {string.Join(",", labels)}, found {series.Length} in:\n{metrics}");
        var value = Regex.Match(series[0], @"\} (\S+)|^\S+ (\S+)");

        return double.Parse(value.Groups[1].Success ? value.Groups[1].Value : value.Groups[2].Value, CultureInfo.InvariantCulture);
    }
}
