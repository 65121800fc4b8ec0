using Microsoft.AspNetCore.Http.Features;

namespace CimdHost.Serving;

/// <summary>
/// The request target exactly as the client sent it. The decoded <c>HttpRequest.Path</c> would hide the difference
/// between spellings that are different client_ids (CIMD -03 section 3: the AS compares strings, no normalizing).
/// </summary>
internal readonly record struct RequestTarget(string Path, string? Query)
{
    public static RequestTarget From(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw))
        {
            raw = context.Request.PathBase.ToUriComponent() + context.Request.Path.ToUriComponent() + context.Request.QueryString.Value;
        }

        return Parse(raw);
    }

    public static RequestTarget Parse(string raw)
    {
        // RFC 9112 section 3.2.2: an absolute-form target carries the scheme and authority before the path.
        if (raw.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || raw.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            var pathStart = raw.IndexOf('/', raw.IndexOf("//", StringComparison.Ordinal) + 2);
            raw = pathStart < 0 ? "/" : raw[pathStart..];
        }

        var question = raw.IndexOf('?', StringComparison.Ordinal);

        return question < 0 ? new RequestTarget(raw, null) : new RequestTarget(raw[..question], raw[(question + 1)..]);
    }
}
