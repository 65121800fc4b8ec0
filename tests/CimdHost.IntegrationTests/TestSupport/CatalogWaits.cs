using CimdHost.Catalog;

namespace CimdHost.IntegrationTests.TestSupport;

internal static class CatalogWaits
{
    /// <summary>Completes when the catalog swaps in a snapshot newer than <paramref name="generation"/>.</summary>
    public static async Task<CatalogSnapshot> WaitForGenerationAfterAsync(this ClientCatalog catalog, long generation, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (catalog.Current.Generation <= generation)
        {
            await Task.Delay(20, cancellation.Token);
        }

        return catalog.Current;
    }
}
