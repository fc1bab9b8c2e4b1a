using System.Diagnostics;
using DubAgent.Server.Tests.Support;
using Microsoft.Playwright;

namespace DubAgent.Server.Tests.Studio;

/// <summary>
/// `dubagent serve --http` as a child process (the real engines) with a token, a --root media folder, its own jobs
/// folder and a 1 MB studio upload limit; and Debian's chromium driven by Playwright. Shared by the studio tests.
/// </summary>
public sealed class StudioServer : IAsyncLifetime
{
    public const string Token = "studio-test-token";
    public const double UploadLimitMegabytes = 1;

    private readonly TempFolder _temp = new();
    private Process? _process;
    private IPlaywright? _playwright;

    public Uri Address { get; private set; } = null!;
    public string Media => _temp.Sub("media");
    public string Jobs => Path.Combine(_temp.Path, "jobs");
    public string Voices => Path.Combine(_temp.Path, "voices");

    /// <summary>What `serve --http` printed first on stdout: the addresses and the token note.</summary>
    public List<string> StartupLines { get; } = [];

    /// <summary>JFK's 11 s inaugural excerpt from ../shared/data: a real voice for the voice library.</summary>
    public static string Jfk => Path.GetFullPath(Path.Combine(BuiltCli.RepositoryRoot, "..", "shared", "data", "jfk", "jfk.wav"));
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the tests leave their screenshots: DUBAGENT_TEST_ARTIFACTS, or .build/artifacts/studio in the repository.</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(Environment.GetEnvironmentVariable("DUBAGENT_TEST_ARTIFACTS") is { Length: > 0 } folder
        ? Path.Combine(folder, "studio")
        : Path.Combine(BuiltCli.RepositoryRoot, ".build", "artifacts", "studio")).FullName;

    public async Task InitializeAsync()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[BuiltCli.Dll, "serve", "--http", "127.0.0.1:0", "--token", Token, "--root", Media, "--jobs", Jobs])
            info.ArgumentList.Add(a);
        info.Environment["DUBAGENT_STUDIO_MAX_UPLOAD_MB"] = UploadLimitMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The tests' own voice library, never the user's.
        info.Environment["DUBAGENT_VOICES__DIRECTORY"] = Voices;
        _process = Process.Start(info)!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var line = await _process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("`dubagent serve --http` printed no address.");
        var mcp = new Uri(line[line.IndexOf("http", StringComparison.Ordinal)..].Trim());
        Address = new Uri(mcp, "/");
        StartupLines.Add(line);
        // The studio, /live and the token note follow the MCP line.
        for (var i = 0; i < 3; i++) StartupLines.Add(await _process.StandardOutput.ReadLineAsync(timeout.Token) ?? "");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // Playwright cannot download its own browser here: Debian's chromium, which `./dubagent test` installs.
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>A fresh browser context (no cookies) with a 1280x800 page.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the login page, as a person would.</summary>
    public static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("Token").FillAsync(Token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }

    /// <summary>On the new-dub page once its choices loaded: the video uploaded, English into Spanish.</summary>
    public static async Task FillNewDubAsync(IPage page, string video)
    {
        await page.Locator("#target_language option[value=es]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.SetInputFilesAsync("#video", video);
        await page.SelectOptionAsync("#source_language", "en");
        await page.SelectOptionAsync("#target_language", "es");
    }

    /// <summary>Starts the dub and returns its job id once the job page opened.</summary>
    public static async Task<string> StartDubAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Start dub" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync("**/jobs/*", new() { Timeout = 120_000 });
        }
        catch (TimeoutException)
        {
            // Say why the job page did not open: the form's own message.
            throw new InvalidOperationException($"The dub did not start: '{await page.Locator("#form-status").TextContentAsync()}'");
        }
        return new Uri(page.Url).Segments[^1];
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        if (_process is not null) await _process.WaitForExitAsync();
        _process?.Dispose();
        _temp.Dispose();
    }
}
