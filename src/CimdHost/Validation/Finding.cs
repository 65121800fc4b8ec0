using System.Globalization;
using CimdHost.Definitions;

namespace CimdHost.Validation;

/// <summary>One problem of one definition file, at the place in the file that causes it.</summary>
internal sealed record Finding(string Path, SourceMark Mark, FindingSeverity Severity, string Rule, string Message)
{
    public bool IsError => Severity == FindingSeverity.Error;

    public string SeverityName => Severity == FindingSeverity.Error ? "error" : "warning";

    /// <summary>The compiler-style line that editors and CI logs turn into a link: <c>path:line:column: error: message [rule]</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Path}:{Mark.Line}:{Mark.Column}: {SeverityName}: {Message} [{Rule}]");
}
