namespace CimdHost.Serving;

/// <summary>Endpoint metadata: the endpoint answers client document paths (the catch-all routes of documents).</summary>
internal sealed class DocumentRouteMetadata
{
    public static DocumentRouteMetadata Instance { get; } = new();
}
