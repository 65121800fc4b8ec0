using System.Text.Json;
using CimdHost.IntegrationTests.TestSupport;

namespace CimdHost.IntegrationTests.Management;

/// <summary><c>/clients</c>: every definition file with its state and findings, as JSON, text or an HTML page.</summary>
public sealed class StatusEndpointsTests
{
    private const string BrokenYaml = "client_id: https://example.com/broken.json\nclient_name: [unclosed\n";

    [Fact]
    public async Task Status_ShippedClients_ListsEveryDefinitionAsServed()
    {
        using var factory = CimdHostFactory.ForShippedClients();
        await factory.CreateReadyClientAsync();

        using var status = await FetchJsonAsync(factory);

        var definitions = status.RootElement.GetProperty("definitions").EnumerateArray().ToArray();
        Assert.Equal(5, definitions.Length);
        Assert.All(definitions, definition =>
        {
            Assert.Equal("served", definition.GetProperty("state").GetString());
            Assert.StartsWith("https://example.com/", definition.GetProperty("client_id").GetString(), StringComparison.Ordinal);
            Assert.True(definition.GetProperty("loaded_at").TryGetDateTimeOffset(out _));
            Assert.Empty(definition.GetProperty("findings").EnumerateArray());
        });
        var example = definitions.Single(definition => definition.GetProperty("path").GetString()!.EndsWith("example.yaml", StringComparison.Ordinal));
        Assert.Equal("query", example.GetProperty("form").GetString());
        Assert.Equal("/client.json?instance_id=7", example.GetProperty("example_path").GetString());
    }

    [Fact]
    public async Task Status_BadDefinitionDropped_ShowsItRefusedWithFindings()
    {
        using var factory = new CimdHostFactory();
        await factory.CreateReadyClientAsync();
        var path = Path.Combine(factory.ClientsDirectory, "broken.yaml");
        File.WriteAllText(path, BrokenYaml);
        await factory.Catalog.ReloadAsync();

        using var status = await FetchJsonAsync(factory);

        Assert.Equal(1, status.RootElement.GetProperty("refused").GetInt32());
        var broken = status.RootElement.GetProperty("definitions").EnumerateArray()
            .Single(definition => definition.GetProperty("path").GetString() == path);
        Assert.Equal("refused", broken.GetProperty("state").GetString());
        Assert.True(broken.GetProperty("loaded_at").TryGetDateTimeOffset(out _));
        var finding = Assert.Single(broken.GetProperty("findings").EnumerateArray());
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(path)}:[0-9]+:[0-9]+$", finding.GetProperty("location").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.False(string.IsNullOrEmpty(finding.GetProperty("rule").GetString()));
        Assert.False(string.IsNullOrEmpty(finding.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Status_FixedVersionBroken_ShowsServedLastGood()
    {
        using var factory = new CimdHostFactory();
        await factory.CreateReadyClientAsync();
        File.WriteAllText(Path.Combine(factory.ClientsDirectory, "example.yaml"), BrokenYaml);
        await factory.Catalog.ReloadAsync();

        using var status = await FetchJsonAsync(factory);

        var example = status.RootElement.GetProperty("definitions").EnumerateArray()
            .Single(definition => definition.GetProperty("path").GetString()!.EndsWith("example.yaml", StringComparison.Ordinal));
        Assert.Equal("served_last_good", example.GetProperty("state").GetString());
        Assert.Equal("https://example.com/client.json", example.GetProperty("client_id").GetString());
        Assert.NotEmpty(example.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public async Task Status_FormatText_PrintsFindingsLikeValidate()
    {
        using var factory = new CimdHostFactory();
        await factory.CreateReadyClientAsync();
        var path = Path.Combine(factory.ClientsDirectory, "broken.yaml");
        File.WriteAllText(path, BrokenYaml);
        await factory.Catalog.ReloadAsync();

        var response = await factory.Server.SendRawAsync("/clients?format=text", headers: ManagementRequests.Listener);

        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/plain", response.ContentType, StringComparison.Ordinal);
        Assert.Contains($"{path}: refused", response.Text, StringComparison.Ordinal);
        Assert.Matches($"(?m)^  {System.Text.RegularExpressions.Regex.Escape(path)}:[0-9]+:[0-9]+", response.Text);
    }

    [Theory]
    [InlineData("/clients?format=html", null)]
    [InlineData("/clients", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")]
    public async Task Status_Html_EncodesEverythingFromDefinitions(string target, string? accept)
    {
        using var factory = new CimdHostFactory();
        await factory.CreateReadyClientAsync();
        var path = Path.Combine(factory.ClientsDirectory, "x<img src=x onerror=alert(1)>.yaml");
        File.WriteAllText(path, "client_id: https://example.com/<b>bold</b>.json\n");
        await factory.Catalog.ReloadAsync();
        var headers = new Dictionary<string, string>(ManagementRequests.Listener);
        if (accept is not null)
        {
            headers["Accept"] = accept;
        }

        var response = await factory.Server.SendRawAsync(target, headers: headers);

        Assert.Equal(200, response.Status);
        Assert.Equal("text/html; charset=utf-8", response.ContentType);
        Assert.Contains("default-src 'none'", response.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<img", response.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", response.Text, StringComparison.Ordinal);
        Assert.Contains("x&lt;img src=x onerror=alert(1)&gt;.yaml", response.Text, StringComparison.Ordinal);
        Assert.Contains("class=\"refused\"", response.Text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/client.json?instance_id=7\">", response.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*/*")]
    [InlineData("application/json")]
    [InlineData("application/json, text/html;q=0.5")]
    public async Task Status_NonBrowserAccept_GetsJson(string accept)
    {
        using var factory = CimdHostFactory.ForShippedClients();
        await factory.CreateReadyClientAsync();
        var headers = new Dictionary<string, string>(ManagementRequests.Listener) { ["Accept"] = accept };

        var response = await factory.Server.SendRawAsync("/clients", headers: headers);

        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/json", response.ContentType, StringComparison.Ordinal);
        Assert.Equal("Accept", response.Headers.Vary.ToString());
    }

    private static async Task<JsonDocument> FetchJsonAsync(CimdHostFactory factory)
    {
        var response = await factory.Server.SendRawAsync("/clients", headers: ManagementRequests.Listener);
        Assert.True(response.Status == 200, response.Text);
        Assert.StartsWith("application/json", response.ContentType, StringComparison.Ordinal);

        return JsonDocument.Parse(response.Text);
    }
}
