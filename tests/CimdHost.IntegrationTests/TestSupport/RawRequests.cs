using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;

namespace CimdHost.IntegrationTests.TestSupport;

/// <summary>
/// Sends a request target byte for byte as an AS (or an attacker) would put it on the wire. HttpClient and Uri
/// would normalize some spellings before the service saw them, which is exactly what these tests must not allow.
/// </summary>
internal static class RawRequests
{
    public static async Task<RawResponse> SendRawAsync(
        this TestServer server,
        string rawTarget,
        string method = "GET",
        string host = "example.com",
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var context = await server.SendAsync(context =>
        {
            var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
            var path = question < 0 ? rawTarget : rawTarget[..question];
            context.Request.Method = method;
            context.Request.Scheme = "http";
            context.Request.Host = new HostString(host);
            context.Request.Path = PathString.FromUriComponent(path.Replace("%2F", "%252F", StringComparison.OrdinalIgnoreCase));
            context.Request.QueryString = question < 0 ? QueryString.Empty : new QueryString(rawTarget[question..]);
            context.Features.Get<IHttpRequestFeature>()!.RawTarget = rawTarget;
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                context.Request.Headers[name] = value;
            }
        });

        using var body = new MemoryStream();
        await context.Response.Body.CopyToAsync(body);

        return new RawResponse(context.Response.StatusCode, context.Response.Headers, context.Response.ContentType, body.ToArray());
    }
}

/// <summary>A response of <see cref="RawRequests.SendRawAsync"/>, with the body read once.</summary>
internal sealed record RawResponse(int Status, IHeaderDictionary Headers, string? ContentType, byte[] Body)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}
