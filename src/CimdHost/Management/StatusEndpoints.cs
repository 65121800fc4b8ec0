using System.Globalization;
using System.Text;
using CimdHost.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CimdHost.Management;

internal static class StatusEndpoints
{
    /// <summary>Maps <c>/clients</c>: every definition file, what is served from it, and its findings.</summary>
    public static RouteHandlerBuilder MapStatus(this IEndpointRouteBuilder routes) => routes.MapGet("/clients", GetStatus)
        .WithName(nameof(GetStatus))
        .WithTags("Management")
        .WithSummary("What is published right now, and why any definition is not.")
        .WithDescription("JSON by default; ?format=text gives one line per definition and finding, like `validate`.");

    internal static Results<Ok<CatalogStatus>, ContentHttpResult> GetStatus(ClientCatalog catalog, string? format)
    {
        var status = CatalogStatus.From(catalog);

        return string.Equals(format, "text", StringComparison.OrdinalIgnoreCase)
            ? TypedResults.Text(ToText(status), "text/plain; charset=utf-8")
            : TypedResults.Ok(status);
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
