using System.Globalization;

namespace CimdHost.Benchmarks;

/// <summary>Writes a folder of generated definitions: half fixed query-form paths, half path templates.</summary>
internal static class ManyDefinitions
{
    public static void Write(string folder, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var text = i % 2 == 0
                ? $$"""
                    client_id: https://example.com/c/{{i}}.json
                    client_name: Bench {{i}}
                    token_endpoint_auth_method: spiffe_jwt
                    grant_types: [client_credentials]
                    response_types: []
                    spiffe_id: spiffe://example.org/c{{i}}/{instance_id}
                    hosting:
                      parameters:
                        instance_id:
                          pattern: '[0-9]{1,6}'
                    """
                : $$"""
                    client_id: https://example.com/t/{{i}}/{instance_id}.json
                    client_name: Bench {{i}}
                    token_endpoint_auth_method: spiffe_jwt
                    grant_types: [client_credentials]
                    response_types: []
                    spiffe_id: spiffe://example.org/t{{i}}/{instance_id}
                    hosting:
                      parameters:
                        instance_id:
                          pattern: '[0-9]{1,6}'
                    """;
            File.WriteAllText(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"bench-{i:D5}.yaml")), text);
        }
    }
}
