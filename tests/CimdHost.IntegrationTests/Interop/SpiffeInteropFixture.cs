using CimdHost.IntegrationTests.Oracles;
using CimdHost.IntegrationTests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CimdHost.IntegrationTests.Interop;

/// <summary>The shipped clients served by one host, a trust domain that mints SVIDs, and an AS that fetches from the host.</summary>
public sealed class SpiffeInteropFixture : IAsyncLifetime
{
    private HttpClient? _http;

    public CimdHostFactory Factory { get; } = CimdHostFactory.ForShippedClients();

    internal TestTrustDomain TrustDomain { get; } = new();

    internal SpiffeAuthorizationServer AuthorizationServer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // An AS never follows redirects (CIMD -03 section 5), so the client must not either.
        _http = Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri(ShippedClients.Origin),
        });
        await Factory.Catalog.FirstLoad;
        AuthorizationServer = new SpiffeAuthorizationServer(_http, TrustDomain.BundleJson);
    }

    public Task DisposeAsync()
    {
        _http?.Dispose();
        Factory.Dispose();
        TrustDomain.Dispose();

        return Task.CompletedTask;
    }
}
