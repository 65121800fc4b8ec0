using CimdHost.Validation;

namespace CimdHost.Catalog;

/// <summary>One definition file as of one load: what is served from it, and everything found wrong with it.</summary>
internal sealed record DefinitionStatus(
    string Path,
    string? ClientId,
    DefinitionState State,
    DateTimeOffset LoadedAt,
    IReadOnlyList<Finding> Findings,
    CompiledClient? Client)
{
    public bool HasErrors => Findings.Any(finding => finding.IsError);
}
