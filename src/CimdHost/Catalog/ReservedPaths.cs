namespace CimdHost.Catalog;

/// <summary>The service's own paths, which no client_id may take (health checks, status, OpenAPI, metrics).</summary>
internal sealed class ReservedPaths(IEnumerable<string> paths)
{
    public IReadOnlySet<string> Paths { get; } = paths.ToHashSet(StringComparer.Ordinal);
}
