using CimdHost.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CimdHost.Serving;

internal static class DocumentEndpoints
{
    /// <summary>Marks a request whose document was rendered by the handler rather than replayed from the output cache.</summary>
    public static readonly object RenderedKey = new();

    /// <summary>Maps every client's path (a catch-all that resolves against the current snapshot) and the health checks.</summary>
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/{**target}", [HttpMethods.Get, HttpMethods.Head], GetDocument)
            .WithName(nameof(GetDocument))
            .CacheOutput(DocumentCachePolicy.Name)
            .WithMetadata(DocumentRouteMetadata.Instance)
            .ExcludeFromDescription();

        // Note: documents are read-only; any other method on any path gets 405 with Allow, never a document.
        routes.Map("/{**target}", MethodNotAllowed)
            .WithOrder(1)
            .WithMetadata(DocumentRouteMetadata.Instance)
            .ExcludeFromDescription();

        routes.MapGet("/healthz", () => TypedResults.Ok("ok"))
            .ExcludeFromDescription();

        routes.MapGet("/readyz", GetReadiness)
            .ExcludeFromDescription();

        return routes;
    }

    internal static Results<DocumentResult, ProblemHttpResult> GetDocument(HttpContext context)
    {
        var request = DocumentRequests.Resolve(context);
        if (request is null)
        {
            context.Response.Headers.RetryAfter = "1";
            return Problem(DocumentProblem.NotReady());
        }

        if (request.Problem is { } problem)
        {
            return Problem(problem);
        }

        var client = request.Client!;
        context.Items[RenderedKey] = true;

        return new DocumentResult(client.Document.Render(request.Values), client.LastModified, client.MaxAge);
    }

    internal static ProblemHttpResult MethodNotAllowed(HttpContext context)
    {
        // Resolved only so that metrics can name the client whose path was asked with another method.
        _ = DocumentRequests.Resolve(context);
        context.Response.Headers.Allow = "GET, HEAD";

        return Problem(new DocumentProblem(StatusCodes.Status405MethodNotAllowed, "method-not-allowed",
            "Documents are read-only", "Client ID Metadata Documents are fetched with GET (or HEAD)."));
    }

    internal static Results<Ok<ReadinessReport>, JsonHttpResult<ReadinessReport>> GetReadiness(ClientCatalog catalog)
    {
        var snapshot = catalog.Current;
        var report = new ReadinessReport(
            catalog.IsReady ? "ready" : "loading",
            snapshot.Generation,
            snapshot.Clients.Count,
            snapshot.Definitions.Where(status => status.HasErrors).Select(status => new ReadinessProblem(
                status.Path,
                DefinitionStateNames.Of(status.State),
                status.Findings.Where(finding => finding.IsError).Select(finding => finding.ToString()).ToArray())).ToArray());

        return catalog.IsReady
            ? TypedResults.Ok(report)
            : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static ProblemHttpResult Problem(DocumentProblem problem) => TypedResults.Problem(problem.ToProblemDetails());
}
