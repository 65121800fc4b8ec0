using CimdHost.IntegrationTests.TestSupport;
using Microsoft.Playwright;

namespace CimdHost.IntegrationTests.Browser;

/// <summary>
/// Swagger UI in headless Chromium against a real Kestrel server: Try it out fetches a document from the management
/// listener. Debian's chromium is required (CI installs it); Playwright's own browser downloads are not used.
/// </summary>
public sealed class SwaggerUiBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    // Note: without the background-networking flags Chromium keeps dialling Google's hosts, which this network refuses.
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private static readonly float Timeout = 20_000;

    [Fact]
    public async Task SwaggerUi_TryItOutOnExampleClient_ShowsDocumentOfInstance7()
    {
        Assert.True(File.Exists(Chromium),
            $"This browser test needs Debian's Chromium at {Chromium}: run `apt-get install -y chromium` (CI's .ci/run installs it). "
            + "Playwright cannot download its own browsers here.");
        await using var host = await KestrelHost.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-US",
            TimezoneId = "UTC",
            ColorScheme = ColorScheme.Light,
            ReducedMotion = ReducedMotion.Reduce,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);

        await page.GotoAsync(new Uri(host.ManagementUrl, "/swagger/index.html").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        var operation = page.Locator("#operations-Clients-get-example");
        await operation.Locator(".opblock-summary").First.ClickAsync();
        await operation.Locator("button.try-out__btn").ClickAsync();
        var instance = operation.Locator("tr[data-param-name='instance_id'] input");
        await instance.FillAsync("7");
        await operation.Locator("button.execute").ClickAsync();
        var response = operation.Locator(".live-responses-table");

        await Assertions.Expect(response.Locator("tr.response .response-col_status")).ToContainTextAsync("200", new() { Timeout = Timeout });
        await Assertions.Expect(response).ToContainTextAsync("spiffe://example.org/client/7", new() { Timeout = Timeout });
        await Assertions.Expect(operation.Locator(".request-url")).ToContainTextAsync(
            new Uri(host.ManagementUrl, "/client.json?instance_id=7").ToString(), new() { Timeout = Timeout });

        // The README picture: the page from its title down to the live response, not the whole long page.
        var bottom = await response.EvaluateAsync<double>("table => table.getBoundingClientRect().bottom + window.scrollY");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Repository.Root, "docs", "swagger-ui.png"),
            FullPage = true,
            Clip = new Clip { X = 0, Y = 0, Width = 1280, Height = (float)Math.Ceiling(bottom) + 16 },
            Animations = ScreenshotAnimations.Disabled,
        });
    }
}
