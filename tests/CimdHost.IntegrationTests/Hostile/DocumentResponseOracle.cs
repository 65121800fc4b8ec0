using System.Text.Json;
using CimdHost.IntegrationTests.Oracles;
using CimdHost.IntegrationTests.TestSupport;
using Microsoft.AspNetCore.Http;

namespace CimdHost.IntegrationTests.Hostile;

/// <summary>
/// What any response to any request target must satisfy, judged with the tests' own rules: no 5xx, no redirect, and
/// a 200 only for a document whose client_id is the requested URL byte for byte (CIMD -03 section 4) and whose
/// spiffe_id is a valid SPIFFE ID (SPIFFE-ID.md section 2) naming exactly the values of that URL.
/// </summary>
internal static class DocumentResponseOracle
{
    public static void Check(HostileRequest request, RawResponse response)
    {
        var status = response.Status;
        Assert.True(status < 500, $"a server error {status}: {response.Text}");

        // CIMD -03 section 5: the AS never follows redirects, so one is a broken client; 304 needs a conditional request.
        Assert.False(status is >= 300 and < 400, $"a redirect {status} to {response.Headers.Location}");

        if (status is >= 400 and < 500)
        {
            Assert.Equal("application/problem+json", response.ContentType);
            return;
        }

        Assert.Equal(200, status);
        if (IsHealthEndpoint(request.Target))
        {
            return;
        }

        Assert.Equal("application/json", response.ContentType);
        Assert.True(response.Body.Length <= 5120, $"a document of {response.Body.Length} bytes, over the 5120 an AS reads");

        using var document = JsonDocument.Parse(response.Body);
        var clientId = document.RootElement.GetProperty("client_id").GetString();
        var spiffeId = document.RootElement.GetProperty("spiffe_id").GetString()!;
        Assert.True(string.Equals(ShippedClients.Origin + request.Target, clientId, StringComparison.Ordinal),
            $"client_id {JsonSerializer.Serialize(clientId)} is not the requested URL");
        Assert.True(SpiffeIdSyntax.IsMetadataValue(spiffeId), $"spiffe_id {spiffeId} is not a valid SPIFFE ID");
        Assert.Equal(ShippedClients.ExpectedSpiffeId(request.Target), spiffeId);
    }

    /// <summary>
    /// Whether the request gets past the server's own parsing: a path that decodes to a NUL is answered 400 by Kestrel
    /// before any application code runs, and the test server's path decoding throws on it instead.
    /// </summary>
    public static bool ReachesTheApplication(string target)
    {
        try
        {
            _ = DecodedPath(target);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Whether routing sends the target to /healthz or /readyz, whose 200 is no document.</summary>
    private static bool IsHealthEndpoint(string target)
    {
        var decoded = DecodedPath(target);

        return decoded is not null && (decoded.TrimEnd('/').Equals("/healthz", StringComparison.OrdinalIgnoreCase)
            || decoded.TrimEnd('/').Equals("/readyz", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The path as routing sees it: decoded the way the raw requests of the test server decode it.</summary>
    private static string? DecodedPath(string target)
    {
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var rawPath = question < 0 ? target : target[..question];

        return PathString.FromUriComponent(rawPath.Replace("%2F", "%252F", StringComparison.OrdinalIgnoreCase)).Value;
    }
}
