using System.Globalization;
using CimdHost.Definitions;
using FluentValidation;

namespace CimdHost.Validation;

/// <summary>The other published members: URLs, redirect URIs, grants, contacts, language tags (RFC 7591 section 2).</summary>
internal sealed class MetadataValidator : AbstractValidator<Definition>
{
    public MetadataValidator()
    {
        RuleFor(definition => definition).Custom(ValidateMembers);
        RuleFor(definition => definition).Custom(ValidateGrants);
    }

    private static void ValidateMembers(Definition definition, ValidationContext<Definition> context)
    {
        foreach (var member in definition.Published)
        {
            var hash = member.Name.IndexOf('#', StringComparison.Ordinal);
            var baseName = hash < 0 ? member.Name : member.Name[..hash];
            if (hash >= 0 && !LanguageTag.IsValid(member.Name[(hash + 1)..]))
            {
                context.Report(FindingRules.LanguageTag, member.KeyMark,
                    $"{member.Name}: the part after # must be a BCP 47 language tag such as en or ja-Jpan-JP "
                    + "(RFC 7591 section 2.2)");
            }

            if (baseName.EndsWith("_uri", StringComparison.Ordinal) || baseName == MetadataNames.SpiffeBundleEndpoint)
            {
                ValidateFetchable(member, context);
            }
            else if (baseName is MetadataNames.RedirectUris or MetadataNames.PostLogoutRedirectUris)
            {
                foreach (var item in StringList(member, context))
                {
                    if (UriGrammar.CheckRedirect(item.Value) is { } problem)
                    {
                        context.Report(problem.Rule, item.Mark, $"{member.Name}: {item.Value} {problem.Message}");
                    }
                }
            }
            else if (baseName is MetadataNames.Contacts or MetadataNames.GrantTypes or MetadataNames.ResponseTypes
                or MetadataNames.TokenEndpointAuthMethodsSupported)
            {
                _ = StringList(member, context).Count();
            }
            else if (baseName == MetadataNames.ClientName && member.Value is not YamlScalar { IsString: true })
            {
                context.Report(FindingRules.MemberType, member.Value.Mark, $"{member.Name} must be a string");
            }
            else if (hash < 0 && !MetadataNames.Known.Contains(member.Name)
                && NameSuggestions.Closest(member.Name, MetadataNames.Known, maxDistance: 1) is { } known)
            {
                context.Report(FindingRules.MemberNameTypo, member.KeyMark,
                    $"{member.Name} is not a registered member and is published as an extension; did you mean {known}?",
                    FindingSeverity.Warning);
            }

            ValidateNumbers(member.Value, context);
        }
    }

    private static void ValidateFetchable(YamlMember member, ValidationContext<Definition> context)
    {
        if (member.Value is not YamlScalar { IsString: true } value)
        {
            context.Report(FindingRules.MemberType, member.Value.Mark, $"{member.Name} must be a string (an https URL)");
            return;
        }

        if (UriGrammar.CheckFetchable(value.Value) is { } problem)
        {
            context.Report(problem.Rule, value.Mark, $"{member.Name} {problem.Message}");
        }
    }

    private static void ValidateGrants(Definition definition, ValidationContext<Definition> context)
    {
        // RFC 7591 section 2: grant_types defaults to [authorization_code] and response_types to [code].
        var grantMember = definition.Find(MetadataNames.GrantTypes);
        var grants = grantMember is null ? [MetadataNames.AuthorizationCode] : Strings(grantMember);
        var responseMember = definition.Find(MetadataNames.ResponseTypes);
        var responses = responseMember is null ? ["code"] : Strings(responseMember);
        var mark = responseMember?.Value.Mark ?? SourceMark.FileStart;

        // RFC 7591 section 2.1: code goes with authorization_code and token with implicit.
        if (responses.Contains("code") && !grants.Contains(MetadataNames.AuthorizationCode))
        {
            if (responseMember is null)
            {
                context.Report(FindingRules.ResponseTypesOmitted, grantMember?.KeyMark ?? mark,
                    "response_types is omitted, and RFC 7591 then defaults it to [code], which needs the "
                    + "authorization_code grant and redirect_uris; ASes such as oidc-provider refuse the client. "
                    + "Publish response_types: []", FindingSeverity.Warning);
            }
            else
            {
                context.Report(FindingRules.ResponseTypes, mark,
                    "response_types has code, which needs the authorization_code grant in grant_types (RFC 7591 section 2.1)");
            }
        }

        if (responses.Contains("token") && !grants.Contains(MetadataNames.Implicit))
        {
            context.Report(FindingRules.ResponseTypes, mark,
                "response_types has token, which needs the implicit grant in grant_types (RFC 7591 section 2.1)");
        }

        var redirects = definition.Find(MetadataNames.RedirectUris);
        if (grants.Contains(MetadataNames.AuthorizationCode)
            && (redirects is null || redirects.Value is YamlSequence { Items.Count: 0 }))
        {
            var because = grantMember is null ? " (the default when grant_types is omitted)" : "";
            context.Report(FindingRules.RedirectUrisRequired, redirects?.Value.Mark ?? grantMember?.KeyMark ?? SourceMark.FileStart,
                $"the authorization_code grant{because} needs at least one redirect URI in redirect_uris "
                + "(CIMD -03 section 4.2); a client_credentials workload lists grant_types: [client_credentials]");
        }
    }

    private static IEnumerable<YamlScalar> StringList(YamlMember member, ValidationContext<Definition> context)
    {
        if (member.Value is not YamlSequence sequence)
        {
            context.Report(FindingRules.MemberType, member.Value.Mark, $"{member.Name} must be a list of strings");
            yield break;
        }

        foreach (var item in sequence.Items)
        {
            if (item is YamlScalar { IsString: true } text)
            {
                yield return text;
            }
            else
            {
                context.Report(FindingRules.MemberType, item.Mark, $"each entry of {member.Name} must be a string");
            }
        }
    }

    private static string[] Strings(YamlMember member) => member.Value is YamlSequence sequence
        ? sequence.Items.OfType<YamlScalar>().Select(item => item.Value).ToArray()
        : [];

    private static void ValidateNumbers(YamlNode node, ValidationContext<Definition> context)
    {
        switch (node)
        {
            case YamlScalar { Kind: ScalarKind.Float } number
                when !double.IsFinite(double.Parse(JsonNumber(number.Value), CultureInfo.InvariantCulture)):
                context.Report(FindingRules.Number, number.Mark,
                    $"{number.Value} has no JSON form (RFC 8259 section 6 has no infinity or NaN); quote it to publish a string");
                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    ValidateNumbers(item, context);
                }

                break;
            case YamlMapping mapping:
                foreach (var member in mapping.Members)
                {
                    ValidateNumbers(member.Value, context);
                }

                break;
        }
    }

    private static string JsonNumber(string yaml) => yaml.ToLowerInvariant() switch
    {
        ".inf" or "+.inf" => "Infinity",
        "-.inf" => "-Infinity",
        ".nan" => "NaN",
        var other => other,
    };
}
