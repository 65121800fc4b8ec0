using System.ComponentModel;
using System.Globalization;
using System.Text;
using CimdHost.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CimdHost.Management;

internal static class StatusEndpoints
{
    /// <summary>Maps <c>/clients</c>: every definition file, what is served from it, and its findings.</summary>
    public static RouteHandlerBuilder MapStatus(this IEndpointRouteBuilder routes) => routes.MapGet("/clients", GetStatus)
        .WithName(nameof(GetStatus))
        .WithTags("Management")
        .WithSummary("What is published right now, and why any definition is not.")
        .WithDescription("JSON by default; ?format=text gives one line per definition and finding, like `validate`; "
            + "?format=html (or a browser's Accept: text/html) gives a page for a person.");

    internal static Results<Ok<CatalogStatus>, ContentHttpResult> GetStatus(
        HttpContext context,
        ClientCatalog catalog,
        [Description("json (the default), text or html.")] string? format)
    {
        var status = CatalogStatus.From(catalog);
        var response = context.Response;
        if (format is null)
        {
            // The answer depends on Accept only when no format is named.
            response.Headers.Vary = HeaderNames.Accept;
        }

        switch (format?.ToLowerInvariant() ?? (PrefersHtml(context.Request) ? "html" : "json"))
        {
            case "text":
                return TypedResults.Text(ToText(status), "text/plain; charset=utf-8");
            case "html":
                // The page is plain markup with inline styles: no script may run, and nothing is loaded from elsewhere.
                response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
                response.Headers.XContentTypeOptions = "nosniff";
                return TypedResults.Text(StatusPage.Render(status), "text/html; charset=utf-8");
            default:
                return TypedResults.Ok(status);
        }
    }

    /// <summary>Whether Accept ranks text/html above JSON, as a browser's does and curl's <c>*/*</c> does not.</summary>
    private static bool PrefersHtml(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        double Quality(string mediaType) => accept
            .Where(range => new MediaTypeHeaderValue(mediaType).IsSubsetOf(range))
            .Select(range => range.Quality ?? 1.0)
            .DefaultIfEmpty(0.0)
            .Max();

        return Quality("text/html") > Quality("application/json");
    }

    private static string ToText(CatalogStatus status)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"generation {status.Generation}, loaded {status.LoadedAt:O}, {status.Served} served, {status.Refused} refused\n");
        foreach (var definition in status.Definitions)
        {
            text.Append(CultureInfo.InvariantCulture, $"{definition.Path}: {definition.State} {definition.ClientId}\n");
            foreach (var finding in definition.Findings)
            {
                text.Append("  ").Append(finding.Text).Append('\n');
            }
        }

        return text.ToString();
    }
}
