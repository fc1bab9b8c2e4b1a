using System.IO.Compression;
using System.Text.Json;
using DubAgent.Server.Tests.Support;
using Microsoft.Playwright;

namespace DubAgent.Server.Tests.Studio;

/// <summary>The batch option: a dub with two voices named renders two more videos and packs them with a manifest.</summary>
[Collection(StudioCollection.Name)]
public sealed class StudioBatchTests(StudioServer server)
{
    [Fact]
    public async Task A_batch_renders_one_video_per_voice_into_one_zip_with_a_manifest()
    {
        var video = TestMedia.SpeechVideo(Path.Combine(server.Media, "batch"), "batch.mp4");
        var page = await server.NewPageAsync();
        await StudioServer.SignInAsync(page);
        await StudioServer.FillNewDubAsync(page, video);
        await page.SelectOptionAsync("#budget", "low");
        await page.Locator("summary", new() { HasText = "Batch" }).ClickAsync();
        await page.GetByLabel("Voices, one per line").FillAsync("female-mid\nmale-deep");
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

        var response = await page.APIRequest.GetAsync($"/files/{job}/batch/batch.zip?download=1");
        Assert.Equal(200, response.Status);
        var zipPath = Path.Combine(server.Media, "batch.zip");
        await File.WriteAllBytesAsync(zipPath, await response.BodyAsync());
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["01-female-mid.mp4", "02-male-deep.mp4", "manifest.json"], zip.Entries.Select(e => e.FullName).Order().ToArray());
        using var manifest = await JsonDocument.ParseAsync(zip.GetEntry("manifest.json")!.Open());
        Assert.Equal(["female-mid", "male-deep"], manifest.RootElement.GetProperty("videos").EnumerateArray().Select(v => v.GetProperty("voice").GetString()).ToArray());
        var renders = zip.Entries.Where(e => e.Name.EndsWith(".mp4", StringComparison.Ordinal)).ToList();
        Assert.NotEqual(renders[0].Crc32, renders[1].Crc32);
        Assert.True(zip.Entries.Where(e => e.Name.EndsWith(".mp4", StringComparison.Ordinal)).All(e => e.Length > 10_000), "each video is a real render");
        using var placements = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(server.Jobs, job, "synthesize", "placements.json")));
        Assert.All(placements.RootElement.GetProperty("placements").EnumerateArray(), p => Assert.Equal("male-deep", p.GetProperty("voice").GetString()));
    }
}
