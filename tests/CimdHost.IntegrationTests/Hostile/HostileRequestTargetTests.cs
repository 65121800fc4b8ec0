using System.Globalization;
using CimdHost.IntegrationTests.TestSupport;
using CsCheck;
using Xunit.Abstractions;

namespace CimdHost.IntegrationTests.Hostile;

/// <summary>
/// Property tests over raw request targets. Each run explores new inputs; a failure prints the seed, and setting the
/// environment variable CsCheck_Seed to it replays that run exactly (CsCheck_Iter changes the iteration count).
/// </summary>
public sealed class HostileRequestTargetTests(ShippedClientsFixture fixture, ITestOutputHelper output)
    : IClassFixture<ShippedClientsFixture>
{
    private const int Iterations = 2500;

    [Fact]
    public async Task AnyTarget_HostilePathAndQuery_NoServerErrorRedirectOrMislabelledDocument()
    {
        var gen = RequestTargetGen.Anything;

        await gen.SampleAsync(ClassifyAsync, output.WriteLine, iter: Iterations, print: Print);
    }

    [Fact]
    public async Task ShippedPaths_HostileQueries_NoServerErrorRedirectOrMislabelledDocument()
    {
        var gen = RequestTargetGen.ShippedPathHostileQuery;

        await gen.SampleAsync(ClassifyAsync, output.WriteLine, iter: Iterations, print: Print);
    }

    [Fact]
    public async Task NearMissTargets_OneChangeToACanonicalTarget_NoServerErrorRedirectOrMislabelledDocument()
    {
        var gen = RequestTargetGen.NearMiss;

        await gen.SampleAsync(ClassifyAsync, output.WriteLine, iter: Iterations, print: Print);
    }

    [Fact]
    public async Task CanonicalTargets_RandomValidValues_ServedWithTheirOwnSpiffeId()
    {
        var gen = RequestTargetGen.Canonical;

        await gen.SampleAsync(async request =>
        {
            var response = await SendAndCheckAsync(request);

            Assert.True(response?.Status == 200, $"{request}: {response?.Status} {response?.Text}");
        }, output.WriteLine, iter: 1000, print: Print);
    }

    /// <summary>Sends and checks one request; the class it returns goes into CsCheck's summary of what was covered.</summary>
    private async Task<string> ClassifyAsync(HostileRequest request)
    {
        var response = await SendAndCheckAsync(request);

        return response is null ? "refused by the server's request parsing" : response.Status.ToString(CultureInfo.InvariantCulture);
    }

    private async Task<RawResponse?> SendAndCheckAsync(HostileRequest request)
    {
        if (!DocumentResponseOracle.ReachesTheApplication(request.Target))
        {
            return null;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var response = await fixture.Server.SendRawAsync(request.Target, host: request.Host).WaitAsync(timeout.Token);
        DocumentResponseOracle.Check(request, response);

        return response;
    }

    private static string Print(HostileRequest request) => request.ToString();
}
