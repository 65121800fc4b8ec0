using System.Net;
using System.Net.Http.Headers;
using CimdHost.IntegrationTests.TestSupport;

namespace CimdHost.IntegrationTests.Serving;

/// <summary>RFC 9111 / RFC 9110 behaviour of documents: freshness, validators, conditional requests and HEAD.</summary>
public sealed class HttpCachingTests(ShippedClientsFixture fixture) : IClassFixture<ShippedClientsFixture>
{
    [Fact]
    public async Task Document_Get_HasMaxAgeStrongETagAndLastModifiedOfTheFile()
    {
        using var client = await fixture.Factory.CreateReadyClientAsync();

        using var response = await client.GetAsync("/client.json?instance_id=11");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
        Assert.False(response.Headers.ETag!.IsWeak);
        var modified = File.GetLastWriteTimeUtc(Path.Combine(fixture.Factory.ClientsDirectory, "example.yaml"));
        Assert.Equal(new DateTimeOffset(modified.Ticks - modified.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero),
            response.Content.Headers.LastModified);
    }

    [Theory]
    [InlineData("/client.json?instance_id=12")]
    [InlineData("/clients/web/12.json")]
    [InlineData("/clients/fleet.json")]
    public async Task Document_IfNoneMatch_Returns304WithTheSameValidators_ColdAndCached(string target)
    {
        using var client = await fixture.Factory.CreateReadyClientAsync();
        using var first = await client.GetAsync(target);
        var etag = first.Headers.ETag!;

        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, target);
            request.Headers.IfNoneMatch.Add(etag);

            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Equal(etag, response.Headers.ETag);
            Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
            Assert.Equal(first.Content.Headers.LastModified, response.Content.Headers.LastModified);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Document_IfNoneMatchOnAColdCache_Returns304()
    {
        using var client = await fixture.Factory.CreateReadyClientAsync();
        using var probe = await client.GetAsync("/clients/web/13.json");
        using var restarted = CimdHostFactory.ForShippedClients();
        using var other = await restarted.CreateReadyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/clients/web/13.json");
        request.Headers.IfNoneMatch.Add(probe.Headers.ETag!);

        using var response = await other.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task Document_OtherETag_Returns200()
    {
        using var client = await fixture.Factory.CreateReadyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/client.json?instance_id=14");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"not-this-one\""));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Document_IfModifiedSince_Returns304WhenNotNewerAnd200WhenOlder()
    {
        using var client = await fixture.Factory.CreateReadyClientAsync();
        using var first = await client.GetAsync("/client.json?instance_id=15");
        var modified = first.Content.Headers.LastModified!.Value;

        using var same = new HttpRequestMessage(HttpMethod.Get, "/client.json?instance_id=15");
        same.Headers.IfModifiedSince = modified;
        using var older = new HttpRequestMessage(HttpMethod.Get, "/client.json?instance_id=16");
        older.Headers.IfModifiedSince = modified.AddSeconds(-1);

        using var notModified = await client.SendAsync(same);
        using var changed = await client.SendAsync(older);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Fact]
    public async Task Document_Head_AnswersLikeGetWithoutABody_AndDoesNotEmptyALaterGet()
    {
        using var client = await fixture.Factory.CreateReadyClientAsync();

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/client.json?instance_id=17"));
        using var get = await client.GetAsync("/client.json?instance_id=17");
        using var secondHead = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/client.json?instance_id=17"));
        var body = await get.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(body.Length, head.Content.Headers.ContentLength);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Headers.ETag, secondHead.Headers.ETag);
        Assert.Equal(body.Length, secondHead.Content.Headers.ContentLength);
        Assert.Contains("spiffe://example.org/client/17", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_SameDefinitionInAnotherProcess_HasIdenticalBytesAndETag()
    {
        using var client = await fixture.Factory.CreateReadyClientAsync();
        using var replica = CimdHostFactory.ForShippedClients();
        using var replicaClient = await replica.CreateReadyClientAsync();

        using var one = await client.GetAsync("/pods.json?namespace=payments&pod=3");
        using var two = await replicaClient.GetAsync("/pods.json?namespace=payments&pod=3");

        Assert.Equal(await one.Content.ReadAsByteArrayAsync(), await two.Content.ReadAsByteArrayAsync());
        Assert.Equal(one.Headers.ETag, two.Headers.ETag);
    }

    [Fact]
    public async Task Document_WithoutHostingMaxAge_UsesClientsDefaultMaxAge()
    {
        using var factory = CimdHostFactory.ForShippedClients().WithSetting("Clients:DefaultMaxAge", "120");
        using var client = await factory.CreateReadyClientAsync();

        using var response = await client.GetAsync("/clients/billing.json");

        Assert.Equal("public, max-age=120", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/client.json?instance_id=abc")]
    [InlineData("/nothing-here.json")]
    public async Task Error_IsNeverCacheable(string target)
    {
        using var client = await fixture.Factory.CreateReadyClientAsync();

        using var response = await client.GetAsync(target);

        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Null(response.Headers.ETag);
    }
}
