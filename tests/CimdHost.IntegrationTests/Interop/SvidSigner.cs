namespace CimdHost.IntegrationTests.Interop;

/// <summary>Which key signs a minted JWT-SVID.</summary>
public enum SvidSigner
{
    /// <summary>The trust domain's P-256 key, published in the bundle with use jwt-svid.</summary>
    BundleEcKey,

    /// <summary>The trust domain's RSA key, published in the bundle with use jwt-svid.</summary>
    BundleRsaKey,

    /// <summary>The X.509 authority's key: in the bundle, but with use x509-svid, so never valid for a JWT-SVID.</summary>
    X509AuthorityKey,

    /// <summary>A P-256 key of nobody's bundle, under a kid of its own.</summary>
    OutsiderKey,

    /// <summary>A P-256 key of nobody's bundle that claims the kid of the bundle's EC key.</summary>
    OutsiderKeyWithBundleKid,
}
