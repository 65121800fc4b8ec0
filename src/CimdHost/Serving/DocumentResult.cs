using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace CimdHost.Serving;

/// <summary>
/// A rendered document with its validators. Writes 200 with the body, or 304 when the request's conditional
/// headers show the client already has these bytes (RFC 9110 section 13.1; CIMD -03 section 5.2 wants RFC 9111 caching).
/// </summary>
internal sealed class DocumentResult(byte[] body, DateTimeOffset lastModified, int maxAge) : IResult
{
    /// <summary>A strong validator from the exact bytes: identical definitions give identical tags on every replica.</summary>
    public string ETag { get; } = "\"" + Convert.ToBase64String(SHA256.HashData(body).AsSpan(0, 16))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"";

    public byte[] Body => body;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var headers = response.Headers;
        headers.CacheControl = $"public, max-age={maxAge}";
        headers.ETag = ETag;
        headers.LastModified = HeaderUtilities.FormatDate(lastModified);

        if (IsNotModified(httpContext.Request))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        // RFC 8259 section 11: application/json has no charset parameter; the body is UTF-8 without a BOM.
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;

        return HttpMethods.IsHead(httpContext.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }

    private bool IsNotModified(HttpRequest request)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            // RFC 9110 section 13.1.2: If-None-Match compares weakly and, when present, If-Modified-Since is ignored.
            return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
                && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(new EntityTagHeaderValue(ETag), useStrongComparison: false));
        }

        return HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since)
            && lastModified <= since;
    }
}
