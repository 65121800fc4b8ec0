using System.Text.Json.Serialization;
using CimdHost.Validation;

namespace CimdHost.Management;

/// <summary>One finding in the status view, with the same <c>path:line:column</c> text that <c>validate</c> prints.</summary>
internal sealed record FindingView(
    [property: JsonPropertyName("location")] string Location,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("column")] int Column,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonIgnore] string Text)
{
    public static FindingView From(Finding finding) => new(
        $"{finding.Path}:{finding.Mark}",
        finding.Mark.Line,
        finding.Mark.Column,
        finding.SeverityName,
        finding.Rule,
        finding.Message,
        finding.ToString());
}
