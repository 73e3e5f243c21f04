using Microsoft.Playwright;

namespace Lantai.Tests.Infrastructure;

/// <summary>
/// Headless Debian Chromium driven by Playwright (DESIGN.md §6): no browser download, the system's /usr/bin/chromium
/// with the flags that keep it off the (closed) network.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<Browser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("LANTAI_CHROMIUM") ?? ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        return new Browser(playwright, browser);
    }

    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the login form as a person would.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name=UserName]", userName);
        await page.FillAsync("input[name=Password]", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
