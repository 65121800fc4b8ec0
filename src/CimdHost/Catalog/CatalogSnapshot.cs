namespace CimdHost.Catalog;

/// <summary>Every client of one load and the status of every file, indexed for routing. Never changes once built.</summary>
internal sealed class CatalogSnapshot
{
    public CatalogSnapshot(long generation, DateTimeOffset loadedAt, IReadOnlyList<DefinitionStatus> definitions, RouteTable routes)
    {
        Generation = generation;
        LoadedAt = loadedAt;
        Definitions = definitions;
        Routes = routes;
        Clients = definitions.Where(status => status.Client is not null).Select(status => status.Client!).ToArray();
    }

    public static CatalogSnapshot Empty { get; } = new(0, DateTimeOffset.MinValue, [], new RouteTable());

    /// <summary>1 for the first load, then one more for each reload.</summary>
    public long Generation { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>Every definition file, in path order.</summary>
    public IReadOnlyList<DefinitionStatus> Definitions { get; }

    /// <summary>The clients being served.</summary>
    public IReadOnlyList<CompiledClient> Clients { get; }

    public RouteTable Routes { get; }
}
