namespace CimdHost.Validation;

/// <summary>Client metadata member names (RFC 7591 section 2, its IANA registry, and SPIFFE client auth section 9.1).</summary>
internal static class MetadataNames
{
    public const string ClientId = "client_id";
    public const string ClientName = "client_name";
    public const string ClientSecret = "client_secret";
    public const string ClientSecretExpiresAt = "client_secret_expires_at";
    public const string TokenEndpointAuthMethod = "token_endpoint_auth_method";
    public const string TokenEndpointAuthMethodsSupported = "token_endpoint_auth_methods_supported";
    public const string GrantTypes = "grant_types";
    public const string ResponseTypes = "response_types";
    public const string RedirectUris = "redirect_uris";
    public const string PostLogoutRedirectUris = "post_logout_redirect_uris";
    public const string Contacts = "contacts";
    public const string Jwks = "jwks";
    public const string JwksUri = "jwks_uri";
    public const string SpiffeId = "spiffe_id";
    public const string SpiffeBundleEndpoint = "spiffe_bundle_endpoint";

    public const string SpiffeJwt = "spiffe_jwt";
    public const string SpiffeX509 = "spiffe_x509";
    public const string AuthorizationCode = "authorization_code";
    public const string Implicit = "implicit";

    /// <summary>RFC 7591 section 2.2: the members that may carry a <c>#language-tag</c>.</summary>
    public static readonly string[] HumanReadable = [ClientName, "client_uri", "logo_uri", "tos_uri", "policy_uri"];

    /// <summary>Registered names, to suggest a fix for a misspelt extension member.</summary>
    public static readonly string[] Known =
    [
        ClientId, ClientName, ClientSecret, ClientSecretExpiresAt, "client_id_issued_at", TokenEndpointAuthMethod,
        TokenEndpointAuthMethodsSupported, GrantTypes, ResponseTypes, RedirectUris, PostLogoutRedirectUris, Contacts,
        Jwks, JwksUri, SpiffeId, SpiffeBundleEndpoint, "client_uri", "logo_uri", "tos_uri", "policy_uri", "scope",
        "software_id", "software_version", "software_statement", "application_type", "sector_identifier_uri",
        "subject_type", "token_endpoint_auth_signing_alg", "id_token_signed_response_alg", "userinfo_signed_response_alg",
        "request_object_signing_alg", "default_max_age", "require_auth_time", "default_acr_values", "initiate_login_uri",
        "request_uris", "frontchannel_logout_uri", "backchannel_logout_uri", "tls_client_auth_subject_dn",
        "tls_client_auth_san_uri", "tls_client_certificate_bound_access_tokens", "dpop_bound_access_tokens",
        "require_pushed_authorization_requests", "authorization_details_types",
    ];
}
