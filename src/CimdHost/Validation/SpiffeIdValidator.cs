using CimdHost.Definitions;
using FluentValidation;

namespace CimdHost.Validation;

/// <summary>
/// spiffe_id: a valid SPIFFE ID (SPIFFE-ID.md section 2) or a prefix ending in <c>/*</c> (SPIFFE client auth
/// section 5.1), whose placeholders are exactly the declared parameters and never touch the trust domain.
/// </summary>
internal sealed class SpiffeIdValidator : AbstractValidator<Definition>
{
    /// <summary>What stands in for each placeholder while the static text is checked: one valid segment character.</summary>
    private const string SampleValue = "x";

    public SpiffeIdValidator()
    {
        RuleFor(definition => definition).Custom(Validate);
    }

    private static void Validate(Definition definition, ValidationContext<Definition> context)
    {
        if (definition.Find(MetadataNames.SpiffeId) is not { } member)
        {
            context.Report(FindingRules.SpiffeIdMissing, SourceMark.FileStart,
                "spiffe_id is missing; the AS matches the SPIFFE ID of the presented SVID against it "
                + "(SPIFFE client auth section 5.1: REQUIRED)");
            return;
        }

        if (member.Value is not YamlScalar { IsString: true } value)
        {
            context.Report(FindingRules.SpiffeId, member.Value.Mark, "spiffe_id must be a string");
            return;
        }

        var template = TemplateText.Parse(value.Value, out var braceProblem);
        if (braceProblem is not null)
        {
            context.Report(braceProblem with { Rule = FindingRules.SpiffeId }, value, "spiffe_id");
            return;
        }

        var pathStart = SpiffeIdGrammar.PathStart(value.Value);
        var inTrustDomain = template.Placeholders.FirstOrDefault(part => pathStart < 0 || part.Index < pathStart);
        if (inTrustDomain is not null)
        {
            context.Report(FindingRules.SpiffeIdTrustDomainPlaceholder,
                ValidationContextExtensions.Offset(value, inTrustDomain.Index),
                $"spiffe_id: the placeholder {{{inTrustDomain.Text}}} is in the trust domain; a request value may "
                + "only fill path segments, never choose the trust domain");
            return;
        }

        var sample = template.Fill(_ => SampleValue);
        if (SpiffeIdGrammar.Check(sample, allowWildcard: true) is { } problem)
        {
            var atWildcard = problem.Index < sample.Length && sample[problem.Index] == '*';
            context.Report(atWildcard ? problem with { Rule = FindingRules.SpiffeIdWildcard } : problem, value, "spiffe_id");
        }

        if (sample.EndsWith(SpiffeIdGrammar.WildcardSuffix, StringComparison.Ordinal)
            && SpiffeIdGrammar.PathStart(sample) == sample.Length - SpiffeIdGrammar.WildcardSuffix.Length)
        {
            context.Report(FindingRules.SpiffeIdWildcard, value.Mark,
                "spiffe_id: spiffe://<trust domain>/* matches every workload of the trust domain; name a path prefix "
                + "such as spiffe://example.org/client/* unless that is really meant", FindingSeverity.Warning);
        }

        ValidateParameters(definition, template, value, context);
    }

    private static void ValidateParameters(
        Definition definition,
        TemplateText template,
        YamlScalar value,
        ValidationContext<Definition> context)
    {
        var parameters = definition.Settings.Parameters;
        foreach (var placeholder in template.Placeholders)
        {
            if (!parameters.Any(parameter => parameter.Name == placeholder.Text))
            {
                var suggestion = NameSuggestions.Closest(placeholder.Text, parameters.Select(parameter => parameter.Name));
                var hint = suggestion is null
                    ? $"declare it under hosting.parameters.{placeholder.Text}"
                    : $"did you mean {{{suggestion}}}?";
                context.Report(FindingRules.PlaceholderUndeclared,
                    ValidationContextExtensions.Offset(value, placeholder.Index),
                    $"spiffe_id uses {{{placeholder.Text}}}, which hosting.parameters does not declare; {hint}");
            }
        }

        foreach (var parameter in parameters)
        {
            if (!template.Placeholders.Any(placeholder => placeholder.Text == parameter.Name))
            {
                context.Report(FindingRules.ParameterUnused, parameter.Mark,
                    $"the parameter {parameter.Name} is declared but spiffe_id has no {{{parameter.Name}}}; a value "
                    + "that does not reach the identity would only make more client_ids for one workload");
            }
        }
    }
}
