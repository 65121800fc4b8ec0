using System.Net.Http.Headers;
using System.Text.Json;
using CimdHost.IntegrationTests.Oracles;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CimdHost.IntegrationTests.Interop;

/// <summary>
/// The token endpoint's client authentication of an AS that takes CIMD client_ids and JWT-SVID assertions
/// (client_assertion_type urn:ietf:params:oauth:client-assertion-type:jwt-spiffe), written for the tests from the
/// drafts (CIMD -03 sections 4 and 5, SPIFFE client auth sections 3.1 and 5.1) and not from the service's code.
/// </summary>
internal sealed class SpiffeAuthorizationServer(HttpClient http, string bundleJson)
{
    /// <summary>The AS issuer identifier, the only audience an SVID may carry.</summary>
    public const string Issuer = "https://as.example.com/";

    /// <summary>CIMD -03 section 8.7: the recommended cap on what the AS reads of a document.</summary>
    public const int MaxDocumentBytes = 5120;

    private static readonly string[] SvidAlgorithms =
    [
        // JWT-SVID.md section 3: RS, ES or PS algorithms of RFC 7518 sections 3.3 to 3.5; nothing else.
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
    ];

    // SPIFFE_Trust_Domain_and_Bundle.md section 4: keys whose use is not jwt-svid are ignored, and so is a jwt-svid
    // key without a kid (JWT-SVID.md section 6).
    private readonly JsonWebKey[] _jwtKeys = new JsonWebKeySet(bundleJson).Keys
        .Where(key => string.Equals(key.Use, "jwt-svid", StringComparison.Ordinal) && !string.IsNullOrEmpty(key.Kid))
        .ToArray();

    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>Authenticates a client_credentials request that names <paramref name="clientId"/> and carries one JWT-SVID.</summary>
    public async Task<AsVerdict> AuthenticateAsync(string clientId, string assertion, CancellationToken cancellationToken = default)
    {
        var (document, fetchVerdict) = await FetchDocumentAsync(clientId, cancellationToken);
        if (document is not { } metadata)
        {
            return fetchVerdict;
        }

        var method = metadata.TryGetProperty("token_endpoint_auth_method", out var value) ? value.GetString() : null;
        if (method != "spiffe_jwt")
        {
            return AsVerdict.Refused(AsCheck.AuthMethod, $"the client authenticates with {method ?? "nothing"}, not spiffe_jwt");
        }

        var spiffeId = metadata.GetProperty("spiffe_id").GetString()!;
        var (subject, assertionVerdict) = await ValidateAssertionAsync(assertion);
        if (subject is null)
        {
            return assertionVerdict;
        }

        return SpiffeIdMatcher.Matches(subject, spiffeId)
            ? AsVerdict.Accepted
            : AsVerdict.Refused(AsCheck.SpiffeId, $"sub {subject} does not match spiffe_id {spiffeId}");
    }

    /// <summary>Fetches and checks the document as CIMD -03 sections 4, 5 and 8.7 ask; the verdict says why not.</summary>
    public async Task<(JsonElement? Document, AsVerdict Verdict)> FetchDocumentAsync(string clientId, CancellationToken cancellationToken)
    {
        // URL parsers respell ids (dot segments, %37 to 7); CIMD -03 section 3 compares strings, so such an id is not fetched.
        if (!Uri.TryCreate(clientId, UriKind.Absolute, out var url) || url.AbsoluteUri != clientId || url.Scheme != Uri.UriSchemeHttps)
        {
            return (null, AsVerdict.Refused(AsCheck.Fetch, $"{clientId} is not an https URL in canonical form"));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

        // CIMD -03 section 5: 200 and nothing else, redirects included (the client never follows them).
        if ((int)response.StatusCode != 200)
        {
            return (null, AsVerdict.Refused(AsCheck.Fetch, $"status {(int)response.StatusCode}"));
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (!string.Equals(mediaType, "application/json", StringComparison.Ordinal))
        {
            return (null, AsVerdict.Refused(AsCheck.Fetch, $"Content-Type {mediaType}"));
        }

        var body = await ReadCappedAsync(response.Content, cancellationToken);
        if (body is null)
        {
            return (null, AsVerdict.Refused(AsCheck.Fetch, $"the document is longer than {MaxDocumentBytes} bytes"));
        }

        JsonElement document;
        try
        {
            document = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException exception)
        {
            return (null, AsVerdict.Refused(AsCheck.Document, $"not JSON: {exception.Message}"));
        }

        var problem = CheckDocument(document, clientId);

        return problem is null ? (document, AsVerdict.Accepted) : (null, problem);
    }

    private static AsVerdict? CheckDocument(JsonElement document, string clientId)
    {
        if (document.ValueKind != JsonValueKind.Object)
        {
            return AsVerdict.Refused(AsCheck.Document, "the document is not a JSON object");
        }

        // CIMD -03 section 4: client_id is the URL that was fetched, compared as a string, with no normalizing.
        if (!document.TryGetProperty("client_id", out var id) || id.ValueKind != JsonValueKind.String
            || !string.Equals(id.GetString(), clientId, StringComparison.Ordinal))
        {
            return AsVerdict.Refused(AsCheck.Document, $"client_id {id} is not {clientId}");
        }

        if (!document.TryGetProperty("spiffe_id", out var spiffeId) || spiffeId.ValueKind != JsonValueKind.String
            || !SpiffeIdSyntax.IsMetadataValue(spiffeId.GetString()!))
        {
            return AsVerdict.Refused(AsCheck.Document, $"spiffe_id {spiffeId} is not a SPIFFE ID or a /* wildcard");
        }

        return null;
    }

    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxDocumentBytes + 1];
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total > MaxDocumentBytes ? null : buffer[..total];
    }

    private async Task<(string? Subject, AsVerdict Verdict)> ValidateAssertionAsync(string assertion)
    {
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKeys = _jwtKeys,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = SvidAlgorithms,
            RequireSignedTokens = true,

            // JWT-SVID.md section 3: iss is optional; the bundle, not the issuer, is the trust (SPIFFE client auth section 6).
            ValidateIssuer = false,
            ValidateAudience = true,
            ValidAudience = Issuer,
            RequireAudience = true,

            // Note: IdentityModel would take https://as.example.com for https://as.example.com/; the AS compares strings.
            IgnoreTrailingSlashWhenValidatingAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.Zero,
        };

        var result = await _handler.ValidateTokenAsync(assertion, parameters);
        if (!result.IsValid)
        {
            var check = result.Exception switch
            {
                SecurityTokenExpiredException or SecurityTokenNoExpirationException or SecurityTokenInvalidLifetimeException
                    => AsCheck.Lifetime,
                SecurityTokenInvalidAudienceException => AsCheck.Audience,
                SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException
                    or SecurityTokenInvalidSigningKeyException => AsCheck.Signature,
                _ => AsCheck.Assertion,
            };

            return (null, AsVerdict.Refused(check, result.Exception?.GetType().Name ?? "invalid"));
        }

        var token = (JsonWebToken)result.SecurityToken;

        // SPIFFE client auth section 3.1 (after rfc7523bis): aud holds only the AS issuer.
        if (token.Audiences.Count() != 1)
        {
            return (null, AsVerdict.Refused(AsCheck.Audience, $"aud has {token.Audiences.Count()} values"));
        }

        // JWT-SVID.md section 2.2: typ, when present, is JWT or JOSE.
        if (token.Typ is { Length: > 0 } typ && typ is not "JWT" and not "JOSE")
        {
            return (null, AsVerdict.Refused(AsCheck.Assertion, $"typ {typ}"));
        }

        return SpiffeIdSyntax.IsWorkloadId(token.Subject)
            ? (token.Subject, AsVerdict.Accepted)
            : (null, AsVerdict.Refused(AsCheck.Assertion, $"sub {token.Subject} is not a SPIFFE ID"));
    }
}
