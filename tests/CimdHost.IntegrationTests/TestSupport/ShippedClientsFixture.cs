using Microsoft.AspNetCore.TestHost;

namespace CimdHost.IntegrationTests.TestSupport;

/// <summary>One started host over a copy of the shipped clients.d, shared by read-only tests.</summary>
public sealed class ShippedClientsFixture : IAsyncLifetime
{
    public CimdHostFactory Factory { get; } = CimdHostFactory.ForShippedClients();

    public TestServer Server => Factory.Server;

    public async Task InitializeAsync() => await Factory.CreateReadyClientAsync();

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
