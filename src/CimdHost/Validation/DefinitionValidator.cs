using CimdHost.Definitions;
using FluentValidation;

namespace CimdHost.Validation;

/// <summary>Every rule one definition must pass on its own; rules across files live in the catalog.</summary>
internal sealed class DefinitionValidator : AbstractValidator<Definition>
{
    public DefinitionValidator()
    {
        Include(new ClientIdValidator());
        Include(new CredentialsValidator());
        Include(new SpiffeIdValidator());
        Include(new MetadataValidator());
        Include(new HostingValidator());
    }

    public IEnumerable<Finding> Check(Definition definition) => Validate(definition).Errors.Select(failure => new Finding(
        definition.Path,
        failure.CustomState is SourceMark mark ? mark : SourceMark.FileStart,
        failure.Severity == Severity.Error ? FindingSeverity.Error : FindingSeverity.Warning,
        failure.ErrorCode,
        failure.ErrorMessage));
}
