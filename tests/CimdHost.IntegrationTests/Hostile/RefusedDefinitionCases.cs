namespace CimdHost.IntegrationTests.Hostile;

/// <summary>
/// Every "Refuse" case of shared/cases/definitions.md, verbatim, with the rule its refusal must name. The cases
/// file is not in this repository, so the texts live here; keep them in step with it.
/// </summary>
internal static class RefusedDefinitionCases
{
    public static IReadOnlyList<(string Name, string Text, string Rule)> All { get; } =
    [
        ("http-scheme", """
        client_id: http://example.com/a.json
        client_name: Probe client
        token_endpoint_auth_method: spiffe_jwt
        grant_types: [client_credentials]
        spiffe_id: spiffe://example.org/probe/{instance_id}
        spiffe_bundle_endpoint: https://example.org/bundle
        hosting:
          parameters:
            instance_id:
              pattern: '[0-9]{1,6}'
        """, "client-id-scheme"),
        ("query-in-client-id", """
        client_id: https://example.com/a.json?x=1
        client_name: Probe client
        token_endpoint_auth_method: spiffe_jwt
        grant_types: [client_credentials]
        spiffe_id: spiffe://example.org/probe/{instance_id}
        spiffe_bundle_endpoint: https://example.org/bundle
        hosting:
          parameters:
            instance_id:
              pattern: '[0-9]{1,6}'
        """, "client-id-query"),
        ("dot-segment", """
        client_id: https://example.com/x/../a.json
        client_name: Probe client
        token_endpoint_auth_method: spiffe_jwt
        grant_types: [client_credentials]
        spiffe_id: spiffe://example.org/probe/{instance_id}
        spiffe_bundle_endpoint: https://example.org/bundle
        hosting:
          parameters:
            instance_id:
              pattern: '[0-9]{1,6}'
        """, "client-id-dot-segment"),
        ("trailing-slash", """
        client_id: https://example.com/clients/
        client_name: Probe client
        token_endpoint_auth_method: spiffe_jwt
        grant_types: [client_credentials]
        spiffe_id: spiffe://example.org/probe/{instance_id}
        spiffe_bundle_endpoint: https://example.org/bundle
        hosting:
          parameters:
            instance_id:
              pattern: '[0-9]{1,6}'
        """, "client-id-trailing-slash"),
        ("default-port", """
        client_id: https://example.com:443/a.json
        client_name: Probe client
        token_endpoint_auth_method: spiffe_jwt
        grant_types: [client_credentials]
        spiffe_id: spiffe://example.org/probe/{instance_id}
        spiffe_bundle_endpoint: https://example.org/bundle
        hosting:
          parameters:
            instance_id:
              pattern: '[0-9]{1,6}'
        """, "client-id-port"),
        ("shared-secret-method", """
        client_id: https://example.com/a.json
        client_name: Probe client
        token_endpoint_auth_method: client_secret_basic
        grant_types: [client_credentials]
        spiffe_id: spiffe://example.org/probe/{instance_id}
        spiffe_bundle_endpoint: https://example.org/bundle
        hosting:
          parameters:
            instance_id:
              pattern: '[0-9]{1,6}'
        """, "auth-method-shared-secret"),
        ("missing-auth-method", """
        client_id: https://example.com/a.json
        client_name: Probe client
        grant_types: [client_credentials]
        spiffe_id: spiffe://example.org/probe/{instance_id}
        spiffe_bundle_endpoint: https://example.org/bundle
        hosting:
          parameters:
            instance_id:
              pattern: '[0-9]{1,6}'
        """, "auth-method-missing"),
        ("client-secret", """
        client_id: https://example.com/a.json
        client_name: Probe client
        token_endpoint_auth_method: spiffe_jwt
        grant_types: [client_credentials]
        spiffe_id: spiffe://example.org/probe/{instance_id}
        spiffe_bundle_endpoint: https://example.org/bundle
        hosting:
          parameters:
            instance_id:
              pattern: '[0-9]{1,6}'
        client_secret: hunter2
        """, "secret"),
        ("spiffe-uppercase-domain", """
        client_id: https://example.com/a.json
        client_name: Probe client
        token_endpoint_auth_method: spiffe_jwt
        grant_types: [client_credentials]
        spiffe_id: spiffe://Example.org/probe/{instance_id}
        spiffe_bundle_endpoint: https://example.org/bundle
        hosting:
          parameters:
            instance_id:
              pattern: '[0-9]{1,6}'
        """, "spiffe-id"),
        ("spiffe-undeclared-placeholder", """
        client_id: https://example.com/a.json
        client_name: Probe client
        token_endpoint_auth_method: spiffe_jwt
        grant_types: [client_credentials]
        spiffe_id: spiffe://example.org/probe/{instance_id}/{pod}
        spiffe_bundle_endpoint: https://example.org/bundle
        hosting:
          parameters:
            instance_id:
              pattern: '[0-9]{1,6}'
        """, "placeholder-undeclared"),
        ("spiffe-wildcard-middle", """
        client_id: https://example.com/a.json
        client_name: Probe client
        token_endpoint_auth_method: spiffe_jwt
        grant_types: [client_credentials]
        spiffe_id: spiffe://example.org/*/probe
        spiffe_bundle_endpoint: https://example.org/bundle
        hosting:
          max_age: 60
        """, "spiffe-id-wildcard"),
        ("duplicate-key", """
        client_id: https://example.com/a.json
        client_name: Probe client
        token_endpoint_auth_method: spiffe_jwt
        grant_types: [client_credentials]
        spiffe_id: spiffe://example.org/probe/{instance_id}
        spiffe_bundle_endpoint: https://example.org/bundle
        hosting:
          parameters:
            instance_id:
              pattern: '[0-9]{1,6}'
        client_name: Again
        """, "yaml-duplicate-key"),
        ("unknown-hosting-key", """
        client_id: https://example.com/a.json
        client_name: Probe client
        token_endpoint_auth_method: spiffe_jwt
        grant_types: [client_credentials]
        spiffe_id: spiffe://example.org/probe/{instance_id}
        spiffe_bundle_endpoint: https://example.org/bundle
        hosting:
          paramters:
            instance_id:
              pattern: '[0-9]{1,6}'
        """, "hosting-unknown-key"),
        ("alias-bomb", """
        a: &a [x,x,x,x,x,x,x,x,x,x]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]
        client_id: https://example.com/a.json
        client_name: Probe client
        token_endpoint_auth_method: spiffe_jwt
        grant_types: [client_credentials]
        spiffe_id: spiffe://example.org/probe/{instance_id}
        spiffe_bundle_endpoint: https://example.org/bundle
        hosting:
          parameters:
            instance_id:
              pattern: '[0-9]{1,6}'
        """, "yaml-alias-budget"),
        ("jwks-and-jwks-uri", """
        client_id: https://example.com/a.json
        client_name: Probe client
        token_endpoint_auth_method: spiffe_jwt
        grant_types: [client_credentials]
        spiffe_id: spiffe://example.org/probe/{instance_id}
        spiffe_bundle_endpoint: https://example.org/bundle
        hosting:
          parameters:
            instance_id:
              pattern: '[0-9]{1,6}'
        jwks_uri: https://example.com/jwks.json
        jwks:
          keys: []
        """, "jwks-and-jwks-uri"),
        ("code-without-authorization-code", """
        client_id: https://example.com/a.json
        client_name: Probe client
        token_endpoint_auth_method: spiffe_jwt
        grant_types: [client_credentials]
        spiffe_id: spiffe://example.org/probe/{instance_id}
        spiffe_bundle_endpoint: https://example.org/bundle
        hosting:
          parameters:
            instance_id:
              pattern: '[0-9]{1,6}'
        response_types: [code]
        """, "response-types"),
    ];
}
