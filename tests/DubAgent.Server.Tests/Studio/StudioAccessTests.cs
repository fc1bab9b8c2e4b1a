using System.Text.Json;
using Microsoft.Playwright;

namespace DubAgent.Server.Tests.Studio;

/// <summary>What the studio refuses: no token, a wrong token, a write without its anti-forgery token or from another
/// origin, an upload past the limit, a picked file outside the --root folders.</summary>
[Collection(StudioCollection.Name)]
public sealed class StudioAccessTests(StudioServer server)
{
    [Fact]
    public void Serve_prints_the_mcp_studio_and_live_addresses_with_the_token_note()
    {
        var root = server.Address.ToString().TrimEnd('/');
        Assert.Equal($"Serving MCP at {root}/mcp", server.StartupLines[0]);
        Assert.Equal($"Studio (web page) at {root}/", server.StartupLines[1]);
        Assert.Equal($"Live dubbing at {root}/live", server.StartupLines[2]);
        Assert.Contains("A token is required", server.StartupLines[3]);
    }

    [Fact]
    public async Task Without_the_token_pages_go_to_login_and_the_api_answers_401()
    {
        var page = await server.NewPageAsync();
        var response = await page.APIRequest.GetAsync("/api/jobs");
        Assert.Equal(401, response.Status);
        await page.GotoAsync("/jobs");
        Assert.Contains("/login?next=%2Fjobs", page.Url);
        await StudioServer.ScreenshotAsync(page, "0-login");

        await page.GetByLabel("Token").FillAsync("not-the-token");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not the one the server was started with");
        await page.GetByLabel("Token").FillAsync(StudioServer.Token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/jobs");
        Assert.Equal(200, (await page.APIRequest.GetAsync("/api/jobs")).Status);
    }

    [Fact]
    public async Task A_login_or_a_dub_without_the_anti_forgery_token_is_refused()
    {
        var page = await server.NewPageAsync();
        var form = page.APIRequest.CreateFormData();
        form.Set("token", StudioServer.Token);
        var login = await page.APIRequest.PostAsync("/login", new() { Form = form });
        Assert.Equal(400, login.Status);
        Assert.Contains("anti-forgery", await login.TextAsync());

        await StudioServer.SignInAsync(page);
        // The page's own fetch, signed in, but without the token the page would have added.
        var status = await page.EvaluateAsync<JsonElement>("""
            async () => { const f = new FormData(); f.append('picked_video', '/etc/hostname');
              const r = await fetch('/api/dubs', { method: 'POST', body: f }); return { status: r.status, text: await r.text() }; }
            """);
        Assert.Equal(400, status.GetProperty("status").GetInt32());
        Assert.Contains("anti-forgery", status.GetProperty("text").GetString());

        // Another site's page posting with the victim's cookie: refused on its Origin before anything else.
        var foreign = await page.APIRequest.PostAsync("/api/jobs/x/cancel", new() { Headers = new Dictionary<string, string> { ["Origin"] = "http://localhost:9" } });
        Assert.Equal(403, foreign.Status);
    }

    [Fact]
    public async Task An_upload_past_the_limit_and_a_file_outside_the_roots_are_refused_on_the_page()
    {
        var big = Path.Combine(server.Media, "too-big.mp4");
        await File.WriteAllBytesAsync(big, new byte[(int)(StudioServer.UploadLimitMegabytes * 1024 * 1024) + 4096]);
        var page = await server.NewPageAsync();
        await StudioServer.SignInAsync(page);
        await page.SetInputFilesAsync("#video", big);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start dub" }).ClickAsync();
        await Assertions.Expect(page.Locator("#form-status")).ToContainTextAsync("larger than the studio's limit of 1 MB");
        await StudioServer.ScreenshotAsync(page, "5-upload-refused");

        var outside = await page.EvaluateAsync<JsonElement>("""
            async () => { const f = new FormData(); f.append('picked_video', '/etc/hostname'); f.append('target_language', 'es');
              const r = await fetch('/api/dubs', { method: 'POST', body: f, headers: { 'X-CSRF-TOKEN': studio.csrf() } });
              return { status: r.status, text: await r.text() }; }
            """);
        Assert.Equal(400, outside.GetProperty("status").GetInt32());
        Assert.Contains("/etc/hostname", outside.GetProperty("text").GetString());
        Assert.Empty(Directory.Exists(server.Jobs) ? Directory.GetDirectories(server.Jobs).Where(d => !HasRecipeRun(d)) : []);
    }

    [Fact]
    public async Task The_new_dub_page_answers_200_with_the_upload_form_and_fits_a_phone()
    {
        var page = await server.NewPageAsync();
        await StudioServer.SignInAsync(page);
        var response = await page.GotoAsync("/");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByLabel("Upload a video")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Voice volume")).ToHaveValueAsync("1");
        await Assertions.Expect(page.GetByLabel("Original audio volume")).ToHaveValueAsync("0.4");
        await Assertions.Expect(page.GetByLabel("Music volume")).ToHaveValueAsync("0.3");
        await Assertions.Expect(page.Locator("#target_language option[value=es]")).ToHaveCountAsync(1);

        var phone = await server.NewPageAsync(390, 844);
        await StudioServer.SignInAsync(phone);
        var overflow = await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the new-dub page scrolls sideways on a phone");
        await StudioServer.ScreenshotAsync(phone, "6-new-dub-phone");
    }

    private static bool HasRecipeRun(string jobFolder) => File.Exists(Path.Combine(jobFolder, "job.json"));
}
