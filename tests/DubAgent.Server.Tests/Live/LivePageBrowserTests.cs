using DubAgent.Server.Tests.Support;
using Microsoft.Playwright;

namespace DubAgent.Server.Tests.Live;

/// <summary>
/// The `/live` page in Debian's chromium (Playwright) with a fake microphone playing JFK's real recording once
/// (`--use-file-for-fake-audio-capture`): the page streams it over the WebSocket and shows what comes back.
/// </summary>
public sealed class LivePageBrowserTests : IDisposable
{
    private static readonly float Patience = 120_000;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_page_streams_a_fake_microphone_and_shows_transcript_translation_and_dubbed_audio()
    {
        await using var host = await LiveHost.StartAsync(_temp, token: "live-page");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--autoplay-policy=no-user-gesture-required",
                $"--use-file-for-fake-audio-capture={Path.Combine(LiveHost.SharedDirectory, "data", "jfk", "jfk.wav")}%noloop",
            ],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Permissions = ["microphone"] });
        var page = await context.NewPageAsync();
        var console = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, m) => console.Enqueue(m.Text);
        page.PageError += (_, e) => console.Enqueue(e);
        await page.GotoAsync(new Uri(host.Endpoint, "/live?token=live-page").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Microphone" }).ClickAsync();

        try
        {
            await page.Locator("#translation li").First.WaitForAsync(new() { Timeout = Patience });
            await page.Locator("#received", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("Dubbed audio: [1-9]") })
                .WaitForAsync(new() { Timeout = Patience });
        }
        catch (TimeoutException)
        {
            Assert.Fail("The page showed no translation or dubbed audio; its status: " + await page.Locator("#status").TextContentAsync()
                + "; console: " + string.Join(" | ", console) + "; probe: " + await page.EvaluateAsync<string>(
                    "async () => { try { const s = await navigator.mediaDevices.getUserMedia({audio:true}); return 'ok ' + s.getAudioTracks().length; } catch (e) { return 'err ' + e; } }"));
        }
        var transcript = await page.Locator("#transcript li").AllTextContentsAsync();
        Assert.Contains(transcript, t => t.Trim().Length > 0);
        var translation = await page.Locator("#translation li").AllTextContentsAsync();
        Assert.Contains(translation, t => t.Trim().Length > 0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop" }).ClickAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(_temp.Path, "live.png") });
    }
}
