using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace CimdHost.Management;

/// <summary>The status view as an HTML page for a person. Every value from a definition is HTML-encoded.</summary>
internal static class StatusPage
{
    private const string Style = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border-bottom: 1px solid #ddd; padding: .4em .6em; text-align: left; vertical-align: top; }
        th { background: #f4f4f4; }
        code { font: 13px ui-monospace, monospace; }
        .served { color: #176f2c; } .served_last_good { color: #8a5a00; } .refused { color: #b00020; }
        .error { color: #b00020; } .warning { color: #8a5a00; }
        ul { margin: .2em 0; padding-left: 1.2em; }
        """;

    public static string Render(CatalogStatus status)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>CimdHost clients</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n<h1>CimdHost clients</h1>\n<p>")
            .Append(CultureInfo.InvariantCulture, $"Generation {status.Generation}, loaded at {Encode(status.LoadedAt.ToString("O", CultureInfo.InvariantCulture))}: ")
            .Append(CultureInfo.InvariantCulture, $"{status.Served} served, {status.Refused} refused. ")
            .Append("<a href=\"?format=json\">JSON</a> · <a href=\"?format=text\">text</a> · ")
            .Append("<a href=\"/swagger/index.html\">Swagger UI</a> · <a href=\"/metrics\">metrics</a></p>\n")
            .Append("<table>\n<thead><tr><th>Definition</th><th>client_id</th><th>State</th><th>Form</th><th>Loaded at</th>")
            .Append("<th>Example</th><th>Findings</th></tr></thead>\n<tbody>\n");
        foreach (var definition in status.Definitions)
        {
            html.Append("<tr>")
                .Append("<td><code>").Append(Encode(definition.Path)).Append("</code></td>")
                .Append("<td><code>").Append(Encode(definition.ClientId)).Append("</code></td>")
                .Append("<td class=\"").Append(Encode(definition.State)).Append("\">").Append(Encode(definition.State)).Append("</td>")
                .Append("<td>").Append(Encode(definition.Form)).Append("</td>")
                .Append("<td>").Append(Encode(definition.LoadedAt.ToString("O", CultureInfo.InvariantCulture))).Append("</td>")
                .Append("<td>");
            if (definition.ExamplePath is not null)
            {
                // The example's path on this listener, so the link opens the document here.
                html.Append("<a href=\"").Append(Encode(definition.ExamplePath)).Append("\"><code>")
                    .Append(Encode(definition.ExampleUrl)).Append("</code></a>");
            }

            html.Append("</td><td>");
            if (definition.Findings.Count > 0)
            {
                html.Append("<ul>");
                foreach (var finding in definition.Findings)
                {
                    html.Append("<li><code>").Append(Encode(finding.Location)).Append("</code> ")
                        .Append("<span class=\"").Append(Encode(finding.Severity)).Append("\">").Append(Encode(finding.Severity)).Append("</span> ")
                        .Append("<code>").Append(Encode(finding.Rule)).Append("</code>: ")
                        .Append(Encode(finding.Message)).Append("</li>");
                }

                html.Append("</ul>");
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</body>\n</html>\n");

        return html.ToString();
    }

    private static string Encode(string? value) => value is null ? "" : HtmlEncoder.Default.Encode(value);
}
