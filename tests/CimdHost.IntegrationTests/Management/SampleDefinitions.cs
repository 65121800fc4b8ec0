namespace CimdHost.IntegrationTests.Management;

/// <summary>Small valid definitions that the management tests write into a live clients folder.</summary>
internal static class SampleDefinitions
{
    /// <summary>A query-form client whose parameter has a pattern that no made-up example value fits.</summary>
    public static string Query(string path) => $"""
        client_id: https://example.com{path}
        client_name: Query sample
        token_endpoint_auth_method: spiffe_jwt
        grant_types: [client_credentials]
        response_types: []
        spiffe_id: spiffe://example.org/sample/{"{instance_id}"}
        hosting:
          parameters:
            instance_id:
              pattern: '[0-9]{"{8}"}'
        """;

    public static string Fixed(string path) => $"""
        client_id: https://example.com{path}
        client_name: Fixed sample
        token_endpoint_auth_method: spiffe_x509
        grant_types: [client_credentials]
        response_types: []
        spiffe_id: spiffe://example.org/fixed-sample
        """;
}
