using System.IO.Compression;
using System.Text.Json;
using DubAgent.Server.Tests.Support;
using Microsoft.Playwright;

namespace DubAgent.Server.Tests.Studio;

/// <summary>
/// The whole studio in a real browser: sign in, upload a short spoken video with music, move the mixing sliders with
/// the keyboard, start, reload the job page while it runs, reach 100 %, download the ZIP and read its manifest, then fix
/// one line on the review page and see that only that clip was spoken again and the video was made anew; download the
/// original's subtitles.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class StudioDubTests(StudioServer server)
{
    private static readonly TimeSpan Run = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task Dubs_follows_downloads_and_fixes_one_line()
    {
        var media = server.Media;
        var video = TestMedia.SpeechVideo(Path.Combine(media, "upload"));
        var music = MusicFile(Path.Combine(media, "upload"));
        var page = await server.NewPageAsync();
        await StudioServer.SignInAsync(page);
        await StudioServer.FillNewDubAsync(page, video);
        await StudioServer.ScreenshotAsync(page, "1-new-dub");
        await page.SetInputFilesAsync("#music", music);
        // The sliders by keyboard: voice 1.0 → 1.3, music 0.3 → 0.2 (step 0.05).
        await PressAsync(page, "#voice_volume", "ArrowRight", 6);
        await PressAsync(page, "#music_volume", "ArrowLeft", 2);
        Assert.Equal("1.30", await page.Locator("#voice_volume_out").TextContentAsync());
        Assert.Equal("0.20", await page.Locator("#music_volume_out").TextContentAsync());
        var job = await StudioServer.StartDubAsync(page);

        // A reload while it works opens the event stream again and still follows the run to its end.
        await page.WaitForFunctionAsync("() => ['running', 'completed'].includes(document.querySelector('#state').textContent)", null,
            new() { Timeout = 120_000 });
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#state').textContent === 'completed'", null,
            new() { Timeout = (float)Run.TotalMilliseconds });
        Assert.Equal(100, await page.EvaluateAsync<double>("document.querySelector('#overall').value"));
        var transcribeRow = page.Locator("tr[data-step=transcribe]");
        Assert.False(string.IsNullOrWhiteSpace(await transcribeRow.Locator("td").Nth(1).TextContentAsync()), "the engine that ran is shown");
        Assert.Contains("step's engine", await transcribeRow.Locator("td").Nth(2).TextContentAsync() ?? "");
        await StudioServer.ScreenshotAsync(page, "2-job-done");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#zip"));
        var zipPath = Path.Combine(media, "downloaded.zip");
        await download.SaveAsAsync(zipPath);
        using (var zip = ZipFile.OpenRead(zipPath))
        {
            var entry = zip.Entries.Single(e => e.Name == "manifest.json");
            using var manifest = await JsonDocument.ParseAsync(entry.Open());
            Assert.Equal("es", manifest.RootElement.GetProperty("language").GetString());
            Assert.Equal(1.3, manifest.RootElement.GetProperty("volumes").GetProperty("voice").GetDouble(), 3);
            Assert.Equal(0.2, manifest.RootElement.GetProperty("volumes").GetProperty("music").GetDouble(), 3);
            Assert.Contains(zip.Entries, e => e.Name.EndsWith(".mp4", StringComparison.Ordinal));
        }

        var before = StepEnded(job, "export");
        await page.GotoAsync($"/jobs/{job}/review");
        var line = page.Locator("#line-0");
        await line.WaitForAsync();
        await StudioServer.ScreenshotAsync(page, "3-review");

        // Subtitles of both languages, as .srt and .vtt, from the export.
        var subtitles = page.Locator("#subtitles a");
        await Assertions.Expect(subtitles).ToHaveCountAsync(4);
        var tracks = new List<string>();
        for (var i = 0; i < 4; i++)
            tracks.Add($"{await subtitles.Nth(i).GetAttributeAsync("data-language")}.{await subtitles.Nth(i).GetAttributeAsync("data-format")}");
        Assert.Equal(["en.srt", "en.vtt", "es.srt", "es.vtt"], tracks.Order().ToArray());
        var original = await page.RunAndWaitForDownloadAsync(() => page.Locator("#subtitles a", new() { HasText = "Original (en) · SRT" }).ClickAsync());
        var srtPath = Path.Combine(media, "original.en.srt");
        await original.SaveAsAsync(srtPath);
        var srt = await File.ReadAllTextAsync(srtPath);
        using (var translation = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(server.Jobs, job, "translate", "translation.json"))))
        {
            var firstWord = translation.RootElement.GetProperty("segments")[0].GetProperty("text").GetString()!.Trim().Split(' ')[0];
            Assert.Contains(" --> ", srt);
            Assert.Contains(firstWord, srt);
        }
        await line.FillAsync("Hola, esto es una prueba corta del doblaje.");
        await page.Locator("tr[data-segment]").First.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#status').textContent.startsWith('Done')", null,
            new() { Timeout = (float)Run.TotalMilliseconds });
        await StudioServer.ScreenshotAsync(page, "4-review-after-edit");

        var state = await page.EvaluateAsync<JsonElement>($"fetch('/api/jobs/{job}').then(r => r.json())");
        var states = state.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("state").GetString());
        foreach (var cached in new[] { "probe", "separate", "transcribe", "diarize", "translate" }) Assert.Equal("cached", states[cached]);
        foreach (var ran in new[] { "subtitles", "synthesize", "mix", "export" }) Assert.Equal("ran", states[ran]);
        using var synthesize = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(server.Jobs, job, "synthesize", "step.json")));
        Assert.Equal(1, synthesize.RootElement.GetProperty("result").GetProperty("synthesized").GetInt32());
        Assert.True(StepEnded(job, "export") > before, "the video was exported again");
        Assert.Contains("?v=", await page.Locator("#dubbed").GetAttributeAsync("src"));
        Assert.Equal("Hola, esto es una prueba corta del doblaje.", await page.Locator("#line-0").InputValueAsync());
        // Measured again for the new words, as an MCP review edit is.
        using (var edited = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(server.Jobs, job, "translate", "translation.json"))))
        {
            var first = edited.RootElement.GetProperty("segments")[0];
            Assert.Equal("Hola, esto es una prueba corta del doblaje.", first.GetProperty("target_text").GetString());
            Assert.Contains("edited in review", first.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
            var slot = first.GetProperty("budget_seconds").GetDouble();
            Assert.Equal(first.GetProperty("estimated_seconds").GetDouble() / slot, first.GetProperty("fit_ratio").GetDouble(), 2);
        }

        // Recasting the speaker: the recipe's cast changes, synthesize speaks the line again in the new voice.
        await page.EvaluateAsync("document.querySelector('#status').textContent = ''");
        await page.GetByLabel("Voice of SPEAKER_00 (espeak-ng)").SelectOptionAsync("female-mid");
        await page.GetByRole(AriaRole.Button, new() { Name = "Recast SPEAKER_00" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#status').textContent.startsWith('Done')", null,
            new() { Timeout = (float)Run.TotalMilliseconds });
        using (var placements = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(server.Jobs, job, "synthesize", "placements.json"))))
            Assert.All(placements.RootElement.GetProperty("placements").EnumerateArray(), p => Assert.Equal("female-mid", p.GetProperty("voice").GetString()));
        await Assertions.Expect(page.Locator("tr[data-segment]").First).ToContainTextAsync("female-mid");

        await page.GotoAsync("/jobs");
        var row = page.Locator("tr", new() { HasText = job });
        await Assertions.Expect(row).ToContainTextAsync("completed");
        await StudioServer.ScreenshotAsync(page, "7-jobs");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = $"Delete job {job} and its files" }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        Assert.False(Directory.Exists(Path.Combine(server.Jobs, job)));
    }

    private static async Task PressAsync(IPage page, string selector, string key, int times)
    {
        await page.FocusAsync(selector);
        for (var i = 0; i < times; i++) await page.Keyboard.PressAsync(key);
    }

    private DateTime StepEnded(string job, string step) => File.GetLastWriteTimeUtc(Path.Combine(server.Jobs, job, step, "step.json"));

    /// <summary>Three seconds of a soft chord as the background music (looped and faded by the mix).</summary>
    private static string MusicFile(string folder)
    {
        var path = Path.Combine(folder, "music.wav");
        using var process = System.Diagnostics.Process.Start("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
            "sine=frequency=330:duration=3", "-ar", "22050", "-ac", "1", path])!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return path;
    }
}
