using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CimdHost.IntegrationTests.Interop;

/// <summary>
/// The trust domain example.org as the tests' SPIRE: its bundle (SPIFFE_Trust_Domain_and_Bundle.md section 4, a JWKS
/// whose JWT keys have <c>use</c> jwt-svid and a <c>kid</c>, and whose X.509 authority has <c>use</c> x509-svid, an
/// <c>x5c</c> and no <c>kid</c>), and JWT-SVIDs minted for any SPIFFE ID (JWT-SVID.md sections 2 and 3).
/// </summary>
internal sealed class TestTrustDomain : IDisposable
{
    public const string EcKeyId = "example-org-ec-1";
    public const string RsaKeyId = "example-org-rsa-1";

    private readonly ECDsa _ecKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly RSA _rsaKey = RSA.Create(2048);
    private readonly ECDsa _authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _outsiderKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public TestTrustDomain()
    {
        BundleJson = CreateBundle();
    }

    /// <summary>The bundle as the trust domain's bundle endpoint would serve it.</summary>
    public string BundleJson { get; }

    /// <summary>Mints a JWT-SVID: <c>sub</c> is the SPIFFE ID, <c>aud</c> the audiences, <c>exp</c> now plus the lifetime.</summary>
    public string Mint(
        string spiffeId,
        IReadOnlyList<string> audiences,
        SvidSigner signer = SvidSigner.BundleEcKey,
        TimeSpan? lifetime = null)
    {
        var expires = DateTime.UtcNow + (lifetime ?? TimeSpan.FromMinutes(5));
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = spiffeId,
                [JwtRegisteredClaimNames.Aud] = audiences.Count == 1 ? audiences[0] : audiences.ToArray(),
            },
            IssuedAt = expires - TimeSpan.FromMinutes(5),
            Expires = expires,
            SigningCredentials = Credentials(signer),
        };

        return _handler.CreateToken(descriptor);
    }

    public void Dispose()
    {
        _ecKey.Dispose();
        _rsaKey.Dispose();
        _authorityKey.Dispose();
        _outsiderKey.Dispose();
    }

    private SigningCredentials Credentials(SvidSigner signer) => signer switch
    {
        SvidSigner.BundleEcKey => new(new ECDsaSecurityKey(_ecKey) { KeyId = EcKeyId }, SecurityAlgorithms.EcdsaSha256),
        SvidSigner.BundleRsaKey => new(new RsaSecurityKey(_rsaKey) { KeyId = RsaKeyId }, SecurityAlgorithms.RsaSha256),
        SvidSigner.X509AuthorityKey => new(new ECDsaSecurityKey(_authorityKey), SecurityAlgorithms.EcdsaSha256),
        SvidSigner.OutsiderKey => new(new ECDsaSecurityKey(_outsiderKey) { KeyId = "outsider-1" }, SecurityAlgorithms.EcdsaSha256),
        SvidSigner.OutsiderKeyWithBundleKid => new(new ECDsaSecurityKey(_outsiderKey) { KeyId = EcKeyId }, SecurityAlgorithms.EcdsaSha256),
        _ => throw new ArgumentOutOfRangeException(nameof(signer)),
    };

    private string CreateBundle()
    {
        var ec = _ecKey.ExportParameters(includePrivateParameters: false);
        var rsa = _rsaKey.ExportParameters(includePrivateParameters: false);
        var authority = _authorityKey.ExportParameters(includePrivateParameters: false);

        var bundle = new JsonObject
        {
            ["spiffe_sequence"] = 1,
            ["spiffe_refresh_hint"] = 300,
            ["keys"] = new JsonArray(
                new JsonObject
                {
                    ["kty"] = "EC",
                    ["use"] = "jwt-svid",
                    ["kid"] = EcKeyId,
                    ["crv"] = "P-256",
                    ["x"] = Base64UrlEncoder.Encode(ec.Q.X),
                    ["y"] = Base64UrlEncoder.Encode(ec.Q.Y),
                },
                new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "jwt-svid",
                    ["kid"] = RsaKeyId,
                    ["n"] = Base64UrlEncoder.Encode(rsa.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(rsa.Exponent),
                },
                new JsonObject
                {
                    ["kty"] = "EC",
                    ["use"] = "x509-svid",
                    ["crv"] = "P-256",
                    ["x"] = Base64UrlEncoder.Encode(authority.Q.X),
                    ["y"] = Base64UrlEncoder.Encode(authority.Q.Y),
                    ["x5c"] = new JsonArray(Convert.ToBase64String(CreateAuthorityCertificate())),
                }),
        };

        return bundle.ToJsonString();
    }

    private byte[] CreateAuthorityCertificate()
    {
        var request = new CertificateRequest("O=example.org", _authorityKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var san = new SubjectAlternativeNameBuilder();
        san.AddUri(new Uri("spiffe://example.org"));
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        return certificate.RawData;
    }
}
