using CimdHost.IntegrationTests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CimdHost.IntegrationTests.Catalog;

/// <summary>The catalog's events, asserted by their stable ids (1000-1099), with the findings' exact text.</summary>
public sealed class CatalogLogTests
{
    [Fact]
    public async Task Load_RefusedDefinition_LogsEachErrorAsPathLineColumn()
    {
        using var factory = new CimdHostFactory(null);
        var path = Path.Combine(factory.ClientsDirectory, "bad.yaml");
        File.WriteAllText(path, TestDefinitions.Fixed().Replace("https://example.com", "http://example.com", StringComparison.Ordinal));
        using var logged = WithFakeLogging(factory);

        await logged.Services.GetRequiredService<CimdHost.Catalog.ClientCatalog>().FirstLoad;

        var records = logged.Services.GetFakeLogCollector().GetSnapshot();
        var refused = Assert.Single(records, record => record.Id.Id == 1001);
        Assert.Equal(LogLevel.Warning, refused.Level);
        Assert.Equal("DefinitionRefused", refused.Id.Name);
        Assert.Equal($"{path}:1:12: error: client_id: client_id must use https, not http (CIMD -03 section 3) [client-id-scheme]", refused.Message);
        Assert.Contains(records, record => record.Id.Id == 1000 && record.Id.Name == "CatalogLoaded");
    }

    [Fact]
    public async Task Load_ClientIdQueryExclude_LogsAWarningThatCurrentDraftAsesRejectIt()
    {
        using var factory = new CimdHostFactory(null);
        File.WriteAllText(Path.Combine(factory.ClientsDirectory, "legacy.yaml"), TestDefinitions.Query() + "  client_id_query: exclude\n");
        using var logged = WithFakeLogging(factory);

        await logged.Services.GetRequiredService<CimdHost.Catalog.ClientCatalog>().FirstLoad;

        var warning = Assert.Single(logged.Services.GetFakeLogCollector().GetSnapshot(), record => record.Id.Id == 1002);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.EndsWith("[client-id-query-excluded]", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_InvalidEdit_LogsThatTheLastGoodVersionStays()
    {
        using var factory = new CimdHostFactory(null);
        var path = Path.Combine(factory.ClientsDirectory, "probe.yaml");
        File.WriteAllText(path, TestDefinitions.Query());
        using var logged = WithFakeLogging(factory);
        var catalog = logged.Services.GetRequiredService<CimdHost.Catalog.ClientCatalog>();
        await catalog.FirstLoad;

        File.WriteAllText(path, "client_id: [unclosed\n");
        await catalog.ReloadAsync();

        var records = logged.Services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(records, record => record.Id.Id == 1001 && record.Message.StartsWith(path + ":", StringComparison.Ordinal));
        Assert.Contains(records, record => record.Id.Id == 1003 && record.Id.Name == "LastGoodKept");
    }

    private static WebApplicationFactory<Program> WithFakeLogging(CimdHostFactory factory) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging
            .AddFakeLogging()
            .AddFilter<FakeLoggerProvider>("CimdHost", LogLevel.Debug)));
}
