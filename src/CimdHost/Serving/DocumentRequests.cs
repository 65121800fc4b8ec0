using CimdHost.Catalog;

namespace CimdHost.Serving;

/// <summary>Resolves a request once and keeps the result on the context for the cache policy, the handler and metrics.</summary>
internal static class DocumentRequests
{
    private static readonly object Key = new();

    /// <summary>The resolved request, or <c>null</c> before the first load has finished.</summary>
    public static DocumentRequest? Resolve(HttpContext context)
    {
        if (context.Items.TryGetValue(Key, out var known))
        {
            return (DocumentRequest)known!;
        }

        var catalog = context.RequestServices.GetRequiredService<ClientCatalog>();
        if (!catalog.IsReady)
        {
            return null;
        }

        var request = DocumentResolver.Resolve(catalog.Current, RequestTarget.From(context), context.Request.Host.Value ?? "");
        context.Items[Key] = request;

        return request;
    }

    public static DocumentRequest? Find(HttpContext context) =>
        context.Items.TryGetValue(Key, out var known) ? (DocumentRequest)known! : null;
}
