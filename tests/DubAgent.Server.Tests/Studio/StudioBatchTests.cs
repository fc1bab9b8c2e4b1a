using System.IO.Compression;
using System.Text.Json;
using DubAgent.Server.Tests.Support;
using Microsoft.Playwright;

namespace DubAgent.Server.Tests.Studio;

/// <summary>
/// The batch option: a dub with two voice sets (one voice for all, then a voice for SPEAKER_00 over the default) renders
/// two more videos and packs them with a manifest of each video's voice per speaker; then the job's speaker becomes an
/// actor of the voice library, cut from the job's speech.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class StudioBatchTests(StudioServer server)
{
    [Fact]
    public async Task A_batch_renders_one_video_per_voice_set_into_one_zip_and_a_job_speaker_becomes_an_actor()
    {
        var video = TestMedia.SpeechVideo(Path.Combine(server.Media, "batch"), "batch.mp4");
        var page = await server.NewPageAsync();
        await StudioServer.SignInAsync(page);
        await StudioServer.FillNewDubAsync(page, video);
        await page.SelectOptionAsync("#budget", "low");
        await page.Locator("summary", new() { HasText = "Batch" }).ClickAsync();
        // Set 1: everyone in female-mid. Set 2: SPEAKER_00 in male-deep although "every speaker" says female-mid.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a voice set" }).ClickAsync();
        await page.GetByLabel("Voice set 1: Every speaker").FillAsync("female-mid");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a voice set" }).ClickAsync();
        await page.GetByLabel("Voice set 2: Every speaker").FillAsync("female-mid");
        await page.GetByLabel("Voice set 2: SPEAKER_00").FillAsync("male-deep");
        // A fifth speaker's row on demand (the form starts with SPEAKER_00..03); left empty, it changes nothing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a speaker to voice set 2" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Voice set 2: SPEAKER_04")).ToBeVisibleAsync();
        // Close the input's list of suggested voices (a browser popup), which would take the next click.
        await page.Locator("h1").ClickAsync();
        await StudioServer.ScreenshotAsync(page, "5-batch-sets");
        var job = await StudioServer.StartDubAsync(page);

        var status = Path.Combine(server.Jobs, job, "batch", "batch.json");
        var deadline = DateTime.UtcNow.AddMinutes(8);
        string state = "";
        while (DateTime.UtcNow < deadline)
        {
            state = File.Exists(status) ? JsonDocument.Parse(await File.ReadAllTextAsync(status)).RootElement.GetProperty("status").GetString() ?? "" : "";
            if (state is "completed" or "failed") break;
            await Task.Delay(1000);
        }
        Assert.Equal("completed", state);
        // The job page followed the batch's renders without a reload: its file list has the zip, its message the batch's end.
        await Assertions.Expect(page.Locator("#files")).ToContainTextAsync("batch.zip", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("batch: completed", new() { Timeout = 15_000 });

        var response = await page.APIRequest.GetAsync($"/files/{job}/batch/batch.zip?download=1");
        Assert.Equal(200, response.Status);
        var zipPath = Path.Combine(server.Media, "batch.zip");
        await File.WriteAllBytesAsync(zipPath, await response.BodyAsync());
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["01-female-mid.mp4", "02-female-mid+male-deep.mp4", "manifest.json"], zip.Entries.Select(e => e.FullName).Order().ToArray());
        using var manifest = await JsonDocument.ParseAsync(zip.GetEntry("manifest.json")!.Open());
        var videos = manifest.RootElement.GetProperty("videos").EnumerateArray().ToList();
        Assert.Equal("female-mid", videos[0].GetProperty("voice").GetString());
        Assert.Equal("female-mid", videos[0].GetProperty("voices").GetProperty("SPEAKER_00").GetString());
        Assert.Equal("male-deep", videos[1].GetProperty("voices").GetProperty("SPEAKER_00").GetString());
        // The job is the first dub again: its own cast is not the last set's.
        using (var jobCast = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(server.Jobs, job, "synthesize", "placements.json"))))
            Assert.All(jobCast.RootElement.GetProperty("placements").EnumerateArray(), p => Assert.NotEqual("male-deep", p.GetProperty("voice").GetString()));
        var renders = zip.Entries.Where(e => e.Name.EndsWith(".mp4", StringComparison.Ordinal)).ToList();
        Assert.NotEqual(renders[0].Crc32, renders[1].Crc32);
        Assert.True(zip.Entries.Where(e => e.Name.EndsWith(".mp4", StringComparison.Ordinal)).All(e => e.Length > 10_000), "each video is a real render");

        // The job's speaker as a reference clip for the voice library.
        await page.GotoAsync("/voices");
        await page.Locator($"#job_speakers option[value='{job}/SPEAKER_00']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Batch Speaker");
        await page.GetByLabel("or a speaker of a job").SelectOptionAsync($"{job}/SPEAKER_00");
        await page.GetByLabel("The statement the person agreed to, in their words").FillAsync("I agree that this synthetic test voice may be kept for dubbing.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create actor" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Batch Speaker was added with 1 clip", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("section[data-actor='Batch Speaker']")).ToContainTextAsync("agree that this synthetic test voice");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete Batch Speaker from the library" }).ClickAsync();
        await Assertions.Expect(page.Locator("section[data-actor='Batch Speaker']")).ToHaveCountAsync(0);
    }
}
