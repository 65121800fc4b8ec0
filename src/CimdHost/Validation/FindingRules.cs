namespace CimdHost.Validation;

/// <summary>
/// The stable identifiers of every rule, shown in brackets after each finding and in <c>validate --format json</c>.
/// Tools match on these; never rename one.
/// </summary>
internal static class FindingRules
{
    // Reading the file (YAML)
    public const string FileTooLarge = "yaml-file-size";
    public const string Encoding = "yaml-encoding";
    public const string Syntax = "yaml-syntax";
    public const string TabIndentation = "yaml-tab-indentation";
    public const string DuplicateKey = "yaml-duplicate-key";
    public const string Tag = "yaml-tag";
    public const string NotOneMapping = "yaml-not-one-mapping";
    public const string AliasBudget = "yaml-alias-budget";
    public const string Depth = "yaml-depth";
    public const string KeyNotString = "yaml-key";
    public const string Unreadable = "file-unreadable";

    // client_id (CIMD -03 section 3)
    public const string ClientIdMissing = "client-id-missing";
    public const string ClientIdScheme = "client-id-scheme";
    public const string ClientIdUserinfo = "client-id-userinfo";
    public const string ClientIdHost = "client-id-host";
    public const string ClientIdPort = "client-id-port";
    public const string ClientIdPath = "client-id-path";
    public const string ClientIdDotSegment = "client-id-dot-segment";
    public const string ClientIdEmptySegment = "client-id-empty-segment";
    public const string ClientIdTrailingSlash = "client-id-trailing-slash";
    public const string ClientIdEncoding = "client-id-encoding";
    public const string ClientIdQuery = "client-id-query";
    public const string ClientIdFragment = "client-id-fragment";
    public const string ClientIdPlaceholder = "client-id-placeholder";
    public const string ClientIdQueryExcluded = "client-id-query-excluded";
    public const string ClientIdOrder = "client-id-order";

    // Credentials and keys (CIMD -03 section 4.1)
    public const string Secret = "secret";
    public const string AuthMethodMissing = "auth-method-missing";
    public const string AuthMethodSharedSecret = "auth-method-shared-secret";
    public const string AuthMethodUnsupported = "auth-method-unsupported";
    public const string PrivateKey = "jwk-private-key";
    public const string JwksAndJwksUri = "jwks-and-jwks-uri";
    public const string Jwks = "jwks";

    // spiffe_id (SPIFFE-ID.md section 2, SPIFFE client auth section 5.1)
    public const string SpiffeIdMissing = "spiffe-id-missing";
    public const string SpiffeId = "spiffe-id";
    public const string SpiffeIdWildcard = "spiffe-id-wildcard";
    public const string SpiffeIdTrustDomainPlaceholder = "spiffe-id-trust-domain-placeholder";
    public const string PlaceholderUndeclared = "placeholder-undeclared";
    public const string ParameterUnused = "parameter-unused";

    // Other members (RFC 7591 section 2)
    public const string Uri = "uri";
    public const string RedirectUri = "redirect-uri";
    public const string ResponseTypes = "response-types";
    public const string ResponseTypesOmitted = "response-types-omitted";
    public const string RedirectUrisRequired = "redirect-uris-required";
    public const string MemberType = "member-type";
    public const string LanguageTag = "language-tag";
    public const string MemberNameTypo = "member-name-typo";
    public const string Number = "number";

    // hosting:
    public const string HostingUnknownKey = "hosting-unknown-key";
    public const string Hosting = "hosting";
    public const string Parameter = "parameter";
    public const string Pattern = "pattern";

    // The document as a whole (CIMD -03 section 8.7)
    public const string DocumentSize = "document-size";

    // Across files
    public const string DuplicateClientId = "duplicate-client-id";
    public const string RouteConflict = "route-conflict";
    public const string ReservedPath = "reserved-path";
}
