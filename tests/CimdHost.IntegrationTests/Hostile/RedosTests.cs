using System.Diagnostics;
using System.Globalization;
using CimdHost.IntegrationTests.TestSupport;
using Xunit.Abstractions;

namespace CimdHost.IntegrationTests.Hostile;

/// <summary>
/// Patterns that a backtracking engine takes exponential time on, against the longest value they may be sent. The
/// answer must come (a hang guard, not a speed bound); the time is printed for the record, never asserted.
/// </summary>
public sealed class RedosTests(ITestOutputHelper output)
{
    private const int MaxLength = 255;

    [Theory]
    [InlineData("(a+)+b")]
    [InlineData("(a|a)+b")]
    [InlineData("(a|aa)+b")]
    [InlineData("(a*)*b")]
    [InlineData("(a|a?)+b")]
    [InlineData("([a-z]+)*b")]
    [InlineData("(.*a){12}b")]
    public async Task CatastrophicPattern_LongestRunOfA_Answers400(string pattern)
    {
        await using var factory = CimdHostFactory.ForShippedClients();
        using var client = await factory.CreateReadyClientAsync();
        await File.WriteAllTextAsync(Path.Combine(factory.ClientsDirectory, "redos.yaml"), Definition(pattern));
        await factory.Catalog.ReloadAsync().WaitAsync(LiveFolder.ReloadGuard);
        var matching = await factory.Server.SendRawAsync("/redos.json?value=" + new string('a', MaxLength - 1) + "b");
        Assert.True(matching.Status == 200, $"the definition is not served, so the test would prove nothing: {matching.Text}");
        var stopwatch = Stopwatch.StartNew();

        var response = await factory.Server.SendRawAsync("/redos.json?value=" + new string('a', MaxLength))
            .WaitAsync(LiveFolder.ReloadGuard);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{pattern}: {MaxLength} a's answered {response.Status} in {stopwatch.Elapsed.TotalMilliseconds:F1} ms"));
        ProblemAssert.IsProblem(response, 400, "pattern-mismatch");
    }

    [Fact]
    public async Task CatastrophicPattern_ValueOverMaxLength_RefusedBeforeMatching()
    {
        await using var factory = CimdHostFactory.ForShippedClients();
        using var client = await factory.CreateReadyClientAsync();
        await File.WriteAllTextAsync(Path.Combine(factory.ClientsDirectory, "redos.yaml"), Definition("(a+)+b"));
        await factory.Catalog.ReloadAsync().WaitAsync(LiveFolder.ReloadGuard);

        var response = await factory.Server.SendRawAsync("/redos.json?value=" + new string('a', 64 * 1024))
            .WaitAsync(LiveFolder.ReloadGuard);

        ProblemAssert.IsProblem(response, 400, "value-too-long");
    }

    private static string Definition(string pattern) => $"""
        client_id: https://example.com/redos.json
        client_name: ReDoS probe
        token_endpoint_auth_method: spiffe_jwt
        grant_types: [client_credentials]
        response_types: []
        spiffe_id: spiffe://example.org/redos/{"{value}"}
        hosting:
          parameters:
            value:
              pattern: '{pattern}'
              max_length: {MaxLength}

        """;
}
