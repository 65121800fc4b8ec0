using CimdHost.Catalog;
using Microsoft.AspNetCore.OutputCaching;

namespace CimdHost.Serving;

/// <summary>
/// After each reload, evicts the cached documents of every client that changed or went away. The cache key also
/// holds each client's revision, so a request racing a reload can never be answered from an older version.
/// </summary>
internal sealed class DocumentCacheEvictor(ClientCatalog catalog, IOutputCacheStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.Changed += OnChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        catalog.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    private void OnChanged(CatalogSnapshot previous, CatalogSnapshot next)
    {
        var current = next.Clients.ToDictionary(client => client.SourcePath, client => client.Revision, StringComparer.Ordinal);
        foreach (var client in previous.Clients)
        {
            if (!current.TryGetValue(client.SourcePath, out var revision) || revision != client.Revision)
            {
                _ = store.EvictByTagAsync(client.CacheTag, CancellationToken.None).AsTask();
            }
        }
    }
}
