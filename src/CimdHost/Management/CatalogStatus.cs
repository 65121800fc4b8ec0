using System.Text.Json.Serialization;
using CimdHost.Catalog;

namespace CimdHost.Management;

/// <summary>The status view of <c>/clients</c>.</summary>
internal sealed record CatalogStatus(
    [property: JsonPropertyName("generation")] long Generation,
    [property: JsonPropertyName("loaded_at")] DateTimeOffset LoadedAt,
    [property: JsonPropertyName("served")] int Served,
    [property: JsonPropertyName("refused")] int Refused,
    [property: JsonPropertyName("definitions")] IReadOnlyList<DefinitionView> Definitions)
{
    public static CatalogStatus From(ClientCatalog catalog)
    {
        var snapshot = catalog.Current;

        return new CatalogStatus(
            snapshot.Generation,
            snapshot.LoadedAt,
            snapshot.Clients.Count,
            snapshot.Definitions.Count(status => status.State == DefinitionState.Refused),
            snapshot.Definitions.Select(DefinitionView.From).ToArray());
    }
}
