using CimdHost.Definitions;
using FluentValidation;

namespace CimdHost.Validation;

/// <summary>hosting.parameters: patterns that compile for the non-backtracking engine, and examples they accept.</summary>
internal sealed class HostingValidator : AbstractValidator<Definition>
{
    public HostingValidator()
    {
        RuleFor(definition => definition).Custom(Validate);
    }

    private static void Validate(Definition definition, ValidationContext<Definition> context)
    {
        foreach (var parameter in definition.Settings.Parameters)
        {
            if (parameter.Pattern is null)
            {
                continue;
            }

            if (!ParameterPattern.TryCreate(parameter.Pattern, out var pattern, out var error))
            {
                context.Report(FindingRules.Pattern, parameter.PatternMark,
                    $"hosting.parameters.{parameter.Name}.pattern is not a usable regular expression: {error}");
                continue;
            }

            if (parameter.Example is { } example && !pattern.IsMatch(example))
            {
                context.Report(FindingRules.Parameter, parameter.ExampleMark,
                    $"hosting.parameters.{parameter.Name}.example does not match its pattern");
            }
        }
    }
}
