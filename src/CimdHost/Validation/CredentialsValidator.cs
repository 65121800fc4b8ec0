using CimdHost.Definitions;
using FluentValidation;

namespace CimdHost.Validation;

/// <summary>No shared secrets and no private keys (CIMD -03 section 4.1); a SPIFFE method, always written out.</summary>
internal sealed class CredentialsValidator : AbstractValidator<Definition>
{
    // RFC 7517 section 9.3 and RFC 7518 section 6: members that only private or symmetric keys have.
    private static readonly string[] PrivateKeyMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

    public CredentialsValidator()
    {
        RuleFor(definition => definition).Custom(ValidateSecrets);
        RuleFor(definition => definition).Custom(ValidateAuthMethod);
        RuleFor(definition => definition).Custom(ValidateKeys);
    }

    private static void ValidateSecrets(Definition definition, ValidationContext<Definition> context)
    {
        foreach (var name in new[] { MetadataNames.ClientSecret, MetadataNames.ClientSecretExpiresAt })
        {
            if (definition.Find(name) is { } member)
            {
                context.Report(FindingRules.Secret, member.KeyMark,
                    $"{name} must not be published: a metadata document is public and no secret can be shared "
                    + "through it (CIMD -03 section 4.1)");
            }
        }
    }

    private static void ValidateAuthMethod(Definition definition, ValidationContext<Definition> context)
    {
        if (definition.Find(MetadataNames.TokenEndpointAuthMethod) is not { } member)
        {
            context.Report(FindingRules.AuthMethodMissing, SourceMark.FileStart,
                "token_endpoint_auth_method is missing; RFC 7591 would default it to client_secret_basic, which CIMD "
                + "forbids; write spiffe_jwt or spiffe_x509");
            return;
        }

        if (member.Value is not YamlScalar { IsString: true } value)
        {
            context.Report(FindingRules.AuthMethodUnsupported, member.Value.Mark,
                "token_endpoint_auth_method must be a string: spiffe_jwt or spiffe_x509");
            return;
        }

        if (IsSharedSecret(value.Value))
        {
            context.Report(FindingRules.AuthMethodSharedSecret, value.Mark,
                $"{value.Value} is a shared-secret method, which CIMD forbids (CIMD -03 section 4.1); "
                + "use spiffe_jwt or spiffe_x509");
        }
        // Limitation: spiffe_jwt and spiffe_x509 are not IANA-registered yet, so ASes with a closed list of auth
        // methods (oidc-provider, atproto) refuse every SPIFFE document; no definition can fix that.
        else if (value.Value is not (MetadataNames.SpiffeJwt or MetadataNames.SpiffeX509))
        {
            var hint = NameSuggestions.Closest(value.Value, [MetadataNames.SpiffeJwt, MetadataNames.SpiffeX509]) is { } fix
                ? $"did you mean {fix}?"
                : "CimdHost publishes SPIFFE workloads: spiffe_jwt or spiffe_x509";
            context.Report(FindingRules.AuthMethodUnsupported, value.Mark,
                $"token_endpoint_auth_method {value.Value} is not supported; {hint}");
        }

        if (definition.Find(MetadataNames.TokenEndpointAuthMethodsSupported)?.Value is YamlSequence supported)
        {
            foreach (var item in supported.Items.OfType<YamlScalar>().Where(item => IsSharedSecret(item.Value)))
            {
                context.Report(FindingRules.AuthMethodSharedSecret, item.Mark,
                    $"{item.Value} is a shared-secret method, which CIMD forbids (CIMD -03 section 4.1)");
            }
        }
    }

    // client_secret_basic, client_secret_post and client_secret_jwt all rest on a shared symmetric secret.
    private static bool IsSharedSecret(string method) => method.StartsWith("client_secret", StringComparison.Ordinal);

    private static void ValidateKeys(Definition definition, ValidationContext<Definition> context)
    {
        var jwks = definition.Find(MetadataNames.Jwks);
        if (jwks is not null && definition.Find(MetadataNames.JwksUri) is not null)
        {
            context.Report(FindingRules.JwksAndJwksUri, jwks.KeyMark,
                "jwks and jwks_uri must not both be present (RFC 7591 section 2); keep jwks_uri");
        }

        if (jwks is null)
        {
            return;
        }

        if (jwks.Value is not YamlMapping set || set.Find("keys")?.Value is not YamlSequence keys)
        {
            context.Report(FindingRules.Jwks, jwks.Value.Mark, "jwks must be a JWK Set: a mapping with a keys list (RFC 7517 section 5)");
            return;
        }

        foreach (var key in keys.Items)
        {
            if (key is not YamlMapping jwk)
            {
                context.Report(FindingRules.Jwks, key.Mark, "each entry of jwks.keys must be a JWK (a mapping)");
                continue;
            }

            foreach (var member in jwk.Members.Where(member => PrivateKeyMembers.Contains(member.Name)))
            {
                context.Report(FindingRules.PrivateKey, member.KeyMark,
                    $"the JWK member {member.Name} is private or symmetric key material, which must never be "
                    + "published (CIMD -03 section 4.1); publish the public key only");
            }
        }
    }
}
