namespace CimdHost.IntegrationTests.TestSupport;

/// <summary>Small valid definitions for tests that write into a live clients folder.</summary>
internal static class TestDefinitions
{
    public static string Query(string path = "/probe.json", string name = "Probe", int? maxAge = null) => $"""
        client_id: https://example.com{path}
        client_name: {name}
        token_endpoint_auth_method: spiffe_jwt
        grant_types: [client_credentials]
        response_types: []
        spiffe_id: spiffe://example.org/probe/{"{instance_id}"}
        hosting:
          parameters:
            instance_id:
              pattern: '[0-9]{"{1,6}"}'
        {(maxAge is null ? "" : $"  max_age: {maxAge}")}
        """;

    public static string Fixed(string path = "/fixed.json", string name = "Fixed") => $"""
        client_id: https://example.com{path}
        client_name: {name}
        token_endpoint_auth_method: spiffe_x509
        grant_types: [client_credentials]
        response_types: []
        spiffe_id: spiffe://example.org/fixed
        """;

    /// <summary>Writes a file the way editors do: a temporary file beside it, then a rename over the old one.</summary>
    public static void WriteAtomically(string path, string content)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
