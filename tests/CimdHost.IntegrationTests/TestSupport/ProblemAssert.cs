using System.Text.Json;

namespace CimdHost.IntegrationTests.TestSupport;

internal static class ProblemAssert
{
    /// <summary>Asserts an RFC 9457 problem that is never cacheable and names its rule in <c>code</c>.</summary>
    public static JsonElement IsProblem(RawResponse response, int status, string code)
    {
        var body = response.Text;
        Assert.True(status == response.Status, $"expected {status}, got {response.Status}: {body}");
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal("no-store", response.Headers.CacheControl.ToString());
        Assert.False(response.Headers.ContainsKey("Location"));

        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Equal("urn:cimdhost:problem:" + code, problem.GetProperty("type").GetString());

        return problem;
    }
}
