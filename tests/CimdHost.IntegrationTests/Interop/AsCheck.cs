namespace CimdHost.IntegrationTests.Interop;

/// <summary>The check of the test AS that refused a client authentication, or <see cref="None"/> when it passed.</summary>
internal enum AsCheck
{
    None,

    /// <summary>CIMD -03 sections 4 and 5: 200 only, no redirect, application/json, at most 5120 bytes.</summary>
    Fetch,

    /// <summary>The body is a JSON object whose client_id is the fetched URL and whose spiffe_id is valid.</summary>
    Document,

    /// <summary>The client does not authenticate with JWT-SVIDs (token_endpoint_auth_method is not spiffe_jwt).</summary>
    AuthMethod,

    /// <summary>JWT-SVID.md section 6: signed by a jwt-svid key of the trust domain's bundle.</summary>
    Signature,

    /// <summary>The SVID has expired (or has no exp).</summary>
    Lifetime,

    /// <summary>aud holds exactly the AS issuer (SPIFFE client auth section 3.1, after rfc7523bis).</summary>
    Audience,

    /// <summary>The assertion is malformed in another way, or its sub is not a SPIFFE ID.</summary>
    Assertion,

    /// <summary>SPIFFE client auth section 5.1: sub does not match the document's spiffe_id.</summary>
    SpiffeId,
}
