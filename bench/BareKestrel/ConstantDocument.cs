using System.Text;
using Microsoft.Extensions.Primitives;

namespace BareKestrel;

// Answers every request with the same pre-encoded bytes, so a benchmark sees what Kestrel and routing
// cost on their own. The three checks below exist only so each benchmark scenario maps onto it:
// a digit-only instance_id (400 otherwise), If-None-Match against one fixed ETag (304), and HEAD.
internal static class ConstantDocument
{
    private const string ETagValue = "\"bare-kestrel-1\"";
    private const int MaxDigits = 6;

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        "{\"client_id\":\"https://example.com/client.json?instance_id=7\","
        + "\"client_name\":\"Example workload\","
        + "\"token_endpoint_auth_method\":\"spiffe_jwt\","
        + "\"grant_types\":[\"client_credentials\"],"
        + "\"response_types\":[],"
        + "\"spiffe_id\":\"spiffe://example.org/client/7\","
        + "\"spiffe_bundle_endpoint\":\"https://example.org/bundle\"}");

    private static readonly StringValues ETagHeader = new(ETagValue);
    private static readonly StringValues JsonContentType = new("application/json");

    public static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    public static Task WriteAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;

        if (!IsValidInstance(request.Query["instance_id"]))
        {
            response.StatusCode = StatusCodes.Status400BadRequest;

            return Task.CompletedTask;
        }

        response.Headers.ETag = ETagHeader;

        if (request.Headers.IfNoneMatch == ETagValue)
        {
            response.StatusCode = StatusCodes.Status304NotModified;

            return Task.CompletedTask;
        }

        response.ContentType = JsonContentType;
        response.ContentLength = Body.Length;

        if (HttpMethods.IsHead(request.Method))
        {
            return Task.CompletedTask;
        }

        return response.Body.WriteAsync(Body, context.RequestAborted).AsTask();
    }

    private static bool IsValidInstance(StringValues values)
    {
        if (values.Count != 1)
        {
            return false;
        }

        var value = values[0];

        if (string.IsNullOrEmpty(value) || value.Length > MaxDigits)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
