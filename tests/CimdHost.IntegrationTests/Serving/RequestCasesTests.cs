using System.Text.Json;
using CimdHost.IntegrationTests.TestSupport;

namespace CimdHost.IntegrationTests.Serving;

/// <summary>
/// Requests an AS, or an attacker posing as one, may send to the shipped example (instance_id of 1 to 6 digits),
/// each with the outcome it must get: the canonical spelling serves, every other spelling is refused.
/// </summary>
public sealed class RequestCasesTests(ShippedClientsFixture fixture) : IClassFixture<ShippedClientsFixture>
{
    [Theory]
    [InlineData("/client.json?instance_id=1", "1")]
    [InlineData("/client.json?instance_id=999999", "999999")]
    [InlineData("/client.json?instance_id=0", "0")]
    public async Task Example_CanonicalQuery_ServesThatInstance(string target, string instance)
    {
        var response = await fixture.Server.SendRawAsync(target);

        Assert.Equal(200, response.Status);
        Assert.Equal("application/json", response.ContentType);
        using var document = JsonDocument.Parse(response.Text);
        Assert.Equal("https://example.com" + target, document.RootElement.GetProperty("client_id").GetString());
        Assert.Equal("spiffe://example.org/client/" + instance, document.RootElement.GetProperty("spiffe_id").GetString());
    }

    [Theory]
    [InlineData("/client.json", "missing-parameter")]
    [InlineData("/client.json?", "missing-parameter")]
    [InlineData("/client.json?instance_id=", "value-empty-segment")]
    [InlineData("/client.json?instance_id=..", "value-dot-segment")]
    [InlineData("/client.json?instance_id=.", "value-dot-segment")]
    [InlineData("/client.json?instance_id=%2e%2e", "value-dot-segment")]
    [InlineData("/client.json?instance_id=%2E%2E", "value-dot-segment")]
    [InlineData("/client.json?instance_id=1%2F2", "value-adds-segment")]
    [InlineData("/client.json?instance_id=1%2f2", "value-adds-segment")]
    [InlineData("/client.json?instance_id=1/2", "value-adds-segment")]
    [InlineData("/client.json?instance_id=abc", "pattern-mismatch")]
    [InlineData("/client.json?instance_id=1234567", "pattern-mismatch")]
    [InlineData("/client.json?instance_id=1&instance_id=2", "repeated-parameter")]
    [InlineData("/client.json?instance_id=1&instance_id=1", "repeated-parameter")]
    [InlineData("/client.json?instance_id=1&scope=admin", "undeclared-parameter")]
    [InlineData("/client.json?scope=admin&instance_id=1", "undeclared-parameter")]
    [InlineData("/client.json?INSTANCE_ID=1", "undeclared-parameter")]
    [InlineData("/client.json?instance_id=%31", "needless-encoding")]
    [InlineData("/client.json?instance_id", "malformed-query")]
    [InlineData("/client.json?instance_id=1&", "malformed-query")]
    [InlineData("/client.json?instance_id=%zz", "malformed-encoding")]
    [InlineData("/client.json?instance_id=1%00", "value-character")]
    [InlineData("/client.json?instance_id=1+2", "value-character")]
    [InlineData("/client.json?instance_id=%C3%A9", "value-character")]
    public async Task Example_NonCanonicalOrInvalidQuery_Returns400Problem(string target, string code)
    {
        var response = await fixture.Server.SendRawAsync(target);

        ProblemAssert.IsProblem(response, 400, code);
    }

    [Theory]
    [InlineData("/client.json/?instance_id=1")]
    [InlineData("/other.json?instance_id=1")]
    [InlineData("/Client.json?instance_id=1")]
    [InlineData("/client.JSON?instance_id=1")]
    [InlineData("//client.json?instance_id=1")]
    [InlineData("/./client.json?instance_id=1")]
    [InlineData("/x/../client.json?instance_id=1")]
    [InlineData("/client%2Ejson?instance_id=1")]
    [InlineData("/client.json%2F?instance_id=1")]
    [InlineData("/")]
    public async Task Example_PathNotExactlyAClientPath_Returns404Problem(string target)
    {
        var response = await fixture.Server.SendRawAsync(target);

        ProblemAssert.IsProblem(response, 404, "unknown-client");
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("EXAMPLE.COM")]
    [InlineData("localhost:8080")]
    public async Task Example_OtherHostHeader_NeverNamesThatHost(string host)
    {
        var response = await fixture.Server.SendRawAsync("/client.json?instance_id=1", host: host);

        var body = response.Text;
        Assert.Equal(200, response.Status);
        using var document = JsonDocument.Parse(body);
        Assert.Equal("https://example.com/client.json?instance_id=1", document.RootElement.GetProperty("client_id").GetString());
        Assert.DoesNotContain(host, body, StringComparison.Ordinal);
    }
}
