using System.Text.Json;
using Microsoft.Playwright;

namespace DubAgent.Server.Tests.Studio;

/// <summary>
/// The voices page on the real voice library (the server's own folder): refused without consent, created from an
/// uploaded recording with it, a voice assigned from the engine's real voices, deleted after confirming.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class StudioVoicesTests(StudioServer server)
{
    private const string Actor = "Ana Test";

    [Fact]
    public async Task Creates_an_actor_only_with_consent_assigns_a_voice_and_deletes_it()
    {
        var page = await server.NewPageAsync();
        await StudioServer.SignInAsync(page);
        await page.GotoAsync("/voices");
        await Assertions.Expect(page.Locator("#actors")).Not.ToContainTextAsync("Loading");

        // Without a consent statement: refused with the reason, and nothing is kept.
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(Actor);
        await page.SetInputFilesAsync("#samples", StudioServer.Jfk);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create actor" }).ClickAsync();
        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("without consent", new() { Timeout = 30_000 });
        Assert.Equal(0, await ActorCountAsync(page));
        Assert.False(Directory.Exists(Path.Combine(server.Jobs, ".voice-uploads")), "a refused upload leaves nothing behind");

        await page.GetByLabel("The statement the person agreed to, in their words").FillAsync($"I, {Actor}, agree that my recorded voice may be used to dub test videos.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create actor" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("was added with 1 clip", new() { Timeout = 60_000 });
        var section = page.Locator($"section[data-actor='{Actor}']");
        await Assertions.Expect(section).ToContainTextAsync("agree that my recorded voice");
        Assert.Equal(1, await section.Locator("audio").CountAsync());
        var clip = await page.APIRequest.GetAsync(await section.Locator("audio").GetAttributeAsync("src") ?? "");
        Assert.Equal(200, clip.Status);
        Assert.True((await clip.BodyAsync()).Length > 100_000, "the reference clip is the uploaded recording");

        // A voice per language, chosen among the engine's real voices.
        await section.GetByLabel("Engine").SelectOptionAsync("espeak-ng");
        await section.Locator("select[id$=-voice] option[value='female-mid']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await section.GetByLabel("Voice", new() { Exact = true }).SelectOptionAsync("female-mid");
        await section.GetByLabel("Rate (1 = the voice's own)").FillAsync("1.1");
        await section.GetByRole(AriaRole.Button, new() { Name = $"Assign the voice to {Actor}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("now speaks es as espeak-ng: female-mid", new() { Timeout = 30_000 });
        var row = page.Locator($"section[data-actor='{Actor}'] tbody tr", new() { HasText = "female-mid" });
        await Assertions.Expect(row).ToContainTextAsync("espeak-ng");
        await Assertions.Expect(row).ToContainTextAsync("1.1");
        // More recordings of the same person: a second clip, kept with its embedding.
        await section.GetByLabel("More recordings", new() { Exact = true }).SetInputFilesAsync(Path.Combine(Path.GetDirectoryName(StudioServer.Jfk)!, "..", "pyannote_sample", "sample.wav"));
        await section.GetByRole(AriaRole.Button, new() { Name = $"Add recordings to {Actor}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("now has 2 clip(s)", new() { Timeout = 60_000 });
        await Assertions.Expect(section.Locator("audio")).ToHaveCountAsync(2);
        await StudioServer.ScreenshotAsync(page, "8-voices");
        var phone = await server.NewPageAsync(390, 844);
        await StudioServer.SignInAsync(phone);
        await phone.GotoAsync("/voices");
        await Assertions.Expect(phone.Locator($"section[data-actor='{Actor}']")).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scroll on a phone");
        await StudioServer.ScreenshotAsync(phone, "9-voices-phone");

        // Writes need the anti-forgery token here too.
        var forged = await page.APIRequest.DeleteAsync($"/api/library/actors/{Uri.EscapeDataString(Actor)}");
        Assert.Equal(400, forged.Status);

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await section.GetByRole(AriaRole.Button, new() { Name = $"Delete {Actor} from the library" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("was deleted");
        await Assertions.Expect(section).ToHaveCountAsync(0);
        Assert.Equal(0, await ActorCountAsync(page));
    }

    private static async Task<int> ActorCountAsync(IPage page)
    {
        var library = await page.EvaluateAsync<JsonElement>("fetch('/api/library').then(r => r.json())");
        return library.GetProperty("actors").GetArrayLength();
    }
}
