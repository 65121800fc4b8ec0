using CimdHost.Definitions;
using FluentValidation;

namespace CimdHost.Validation;

/// <summary>client_id: the Client Identifier URL (CIMD -03 section 3) and how its placeholders and query are filled.</summary>
internal sealed class ClientIdValidator : AbstractValidator<Definition>
{
    public ClientIdValidator()
    {
        RuleFor(definition => definition).Custom(Validate);
    }

    private static void Validate(Definition definition, ValidationContext<Definition> context)
    {
        if (definition.Find(MetadataNames.ClientId) is not { } member)
        {
            context.Report(FindingRules.ClientIdMissing, SourceMark.FileStart,
                "client_id is missing; it is the https URL the document is served at (CIMD -03 section 4: MUST)");
            return;
        }

        if (member.Value is not YamlScalar { IsString: true } value)
        {
            context.Report(FindingRules.ClientIdMissing, member.Value.Mark, "client_id must be a string (an https URL)");
            return;
        }

        if (definition.Published[0].Name != MetadataNames.ClientId)
        {
            context.Report(FindingRules.ClientIdOrder, member.KeyMark,
                "put client_id first, so the definition reads like the document it becomes", FindingSeverity.Warning);
        }

        var problems = new List<GrammarProblem>();
        var url = ClientIdGrammar.Check(value.Value, problems);
        foreach (var problem in problems)
        {
            context.Report(problem, value, "client_id");
        }

        if (url is not null)
        {
            ValidatePlaceholders(definition, url, value, context);
        }
    }

    private static void ValidatePlaceholders(
        Definition definition,
        ClientIdUrl url,
        YamlScalar value,
        ValidationContext<Definition> context)
    {
        var settings = definition.Settings;
        var template = TemplateText.Parse(url.Path, out _);
        var inPath = template.Placeholders.Select(part => part.Text).ToHashSet(StringComparer.Ordinal);
        var pathStart = url.Origin.Length;

        foreach (var repeated in template.Placeholders.GroupBy(part => part.Text).Where(group => group.Count() > 1))
        {
            context.Report(FindingRules.ClientIdPlaceholder,
                ValidationContextExtensions.Offset(value, pathStart + repeated.Skip(1).First().Index),
                $"client_id uses {{{repeated.Key}}} more than once; each path placeholder takes its own value from the "
                + "request, so one name can appear only once");
        }

        foreach (var placeholder in template.Placeholders)
        {
            if (!settings.Parameters.Any(parameter => parameter.Name == placeholder.Text))
            {
                context.Report(FindingRules.PlaceholderUndeclared,
                    ValidationContextExtensions.Offset(value, pathStart + placeholder.Index),
                    $"client_id uses {{{placeholder.Text}}}, which hosting.parameters does not declare");
            }
        }

        if (inPath.Count > 0)
        {
            // A path-template client takes every value from its path; a query would make a second spelling.
            foreach (var parameter in settings.Parameters.Where(parameter => !inPath.Contains(parameter.Name)))
            {
                context.Report(FindingRules.ParameterUnused, parameter.Mark,
                    $"{parameter.Name} is not in the path of client_id; a client whose client_id path has "
                    + "placeholders takes all its values from the path, never from a query");
            }
        }

        if (settings.ClientIdQuery == ClientIdQueryMode.Exclude)
        {
            if (inPath.Count > 0 || settings.Parameters.Count == 0)
            {
                context.Report(FindingRules.Hosting, settings.ClientIdQueryMark,
                    "client_id_query applies only to clients whose parameters arrive in the query");
            }
            else
            {
                context.Report(FindingRules.ClientIdQueryExcluded, settings.ClientIdQueryMark,
                    "client_id_query: exclude publishes client_id without the query; ASes that follow the current "
                    + "CIMD draft (section 4: client_id equals the fetched URL) will reject these documents",
                    FindingSeverity.Warning);
            }
        }
    }
}
