using System.Text.Json;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Voices;
using DubAgent.Server.Live.Client;
using DubAgent.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Server.Tests.Live;

/// <summary>create_voice_clone into the real voice library (SQLite in a temp folder), with and without a cloning engine.</summary>
public sealed class LiveVoiceCloneTests : IDisposable
{
    private const string Consent = "I, John Kennedy, agree that my recorded voice may be cloned for dubbing.";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Without_consent_nothing_is_kept()
    {
        await using var host = await LiveHost.StartAsync(_temp);
        await using var client = await LiveStreamClient.ConnectAsync(host.Endpoint, "c", "s", null, CancellationToken.None);
        await client.CreateVoiceCloneAsync("John Kennedy", [LiveHost.Jfk()], "  ", CancellationToken.None);
        var error = await client.WaitForAsync(m => m.Type == "error", Patience, CancellationToken.None);
        Assert.Contains("without consent", error.Json.GetProperty("message").GetString());
        Assert.Contains("consent", error.Json.GetProperty("hint").GetString());
        Assert.Empty(await Library().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_cloning_engine_the_actor_and_consent_are_kept_and_the_answer_says_what_is_missing()
    {
        await using var host = await LiveHost.StartAsync(_temp);
        await using var client = await LiveStreamClient.ConnectAsync(host.Endpoint, "c", "s", null, CancellationToken.None);
        var jfk = LiveHost.Jfk();
        await client.CreateVoiceCloneAsync("John Kennedy", [jfk[..(16_000 * 5)], jfk[(16_000 * 5)..]], Consent, CancellationToken.None);
        var answer = await client.WaitForAsync(m => m.Type is "voice_clone" or "error", Patience, CancellationToken.None);
        Assert.Equal("voice_clone", answer.Type);
        Assert.Equal("recorded", answer.Json.GetProperty("state").GetString());
        Assert.Equal(2, answer.Json.GetProperty("clips").GetInt32());
        // elevenlabs is the built-in cloner; with no API key here it says what is missing and how to get it.
        var note = answer.Json.GetProperty("note").GetString();
        Assert.Contains("'elevenlabs' cannot run here", note);
        Assert.Contains("API", note, StringComparison.OrdinalIgnoreCase);

        var actor = Assert.Single(await Library().ListAsync(CancellationToken.None));
        Assert.Equal("John Kennedy", actor.Name);
        Assert.Equal(2, actor.Clips.Count);
        Assert.All(actor.Clips, c => Assert.True(File.Exists(c.Path)));
        Assert.Equal(Consent, Assert.Single(actor.Consents).Statement);
        Assert.Equal(2, actor.Consents[0].SourceClipSha256.Count);
        Assert.Contains(actor.Embeddings, e => e.Kind == "mfcc-stats");
        Assert.Empty(actor.ClonedVoices);

        // The same name again is refused with a hint, and the library is unchanged.
        await client.CreateVoiceCloneAsync("john kennedy", [jfk], Consent, CancellationToken.None);
        var again = await client.WaitForAsync(m => m.Type == "error", Patience, CancellationToken.None);
        Assert.Contains("already has an actor", again.Json.GetProperty("message").GetString());
        Assert.Single(await Library().ListAsync(CancellationToken.None));

        using var http = new HttpClient();
        using var voices = JsonDocument.Parse(await http.GetStringAsync(new Uri(host.Endpoint, "/api/voices")));
        Assert.False(voices.RootElement.GetProperty("cloning").GetBoolean());
        Assert.Equal("John Kennedy", voices.RootElement.GetProperty("actors")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task With_a_cloning_engine_the_voice_is_cloned_under_the_consent_and_then_speaks_for_the_matched_speaker()
    {
        var cloner = new RecordingCloner();
        await using var host = await LiveHost.StartAsync(_temp, configure: s => s.AddSingleton<IEngine>(cloner));
        await using var client = await LiveStreamClient.ConnectAsync(host.Endpoint, "c", "s", null, CancellationToken.None);
        await client.CreateVoiceCloneAsync("John Kennedy", [LiveHost.Jfk()[..(16_000 * 6)]], Consent, CancellationToken.None);
        var answer = await client.WaitForAsync(m => m.Type is "voice_clone" or "error", Patience, CancellationToken.None);
        Assert.Equal("cloned", answer.Json.GetProperty("state").GetString());
        Assert.Equal("test-cloner", answer.Json.GetProperty("engine").GetString());
        Assert.Equal("clone-0", answer.Json.GetProperty("voice_id").GetString());
        var (name, samples, consent) = Assert.Single(cloner.Clones);
        Assert.Equal("John Kennedy", name);
        Assert.Single(samples);
        Assert.Equal(Consent, consent.Statement);
        Assert.Equal("clone-0", Assert.Single(Assert.Single(await Library().ListAsync(CancellationToken.None)).ClonedVoices).VoiceId);

        // preserve_voice: the whole recording is recognised as that actor and dubbed with the cloned voice.
        await client.StartAsync("en", "es", CancellationToken.None, preserveVoice: true);
        await client.StreamAsync(LiveHost.Jfk(), 1000, false, CancellationToken.None);
        await client.StopAsync(Patience, CancellationToken.None);
        var speaker = Assert.Single(client.Messages, m => m.Type == "speaker");
        Assert.Equal("John Kennedy", speaker.Json.GetProperty("actor").GetString());
        Assert.Equal("test-cloner", speaker.Json.GetProperty("engine").GetString());
        Assert.Contains(client.Messages, m => m.Type == "dubbed_audio" && m.Json.GetProperty("sample_rate").GetInt32() == RecordingCloner.Rate);
        Assert.All(cloner.Spoken, r => Assert.Equal(("es", "clone-0"), (r.Language, r.Voice)));
    }

    [Fact]
    public async Task A_slow_clone_does_not_hold_up_the_sessions_dubbing()
    {
        var cloner = new RecordingCloner { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var host = await LiveHost.StartAsync(_temp, configure: s => s.AddSingleton<IEngine>(cloner));
        await using var client = await LiveStreamClient.ConnectAsync(host.Endpoint, "c", "s", null, CancellationToken.None);
        await client.StartAsync("en", "es", CancellationToken.None);
        await client.CreateVoiceCloneAsync("John Kennedy", [LiveHost.Jfk()[..(16_000 * 6)]], Consent, CancellationToken.None);

        // While the clone waits on its engine, the audio sent after it is still read, recognised and dubbed.
        await client.StreamAsync(LiveHost.Jfk(), 1000, false, CancellationToken.None);
        await client.StopAsync(Patience, CancellationToken.None);
        Assert.Contains(client.Messages, m => m.Type == "dubbed_audio");
        Assert.DoesNotContain(client.Messages, m => m.Type == "voice_clone");

        cloner.Gate.SetResult();
        var answer = await client.WaitForAsync(m => m.Type is "voice_clone" or "error", Patience, CancellationToken.None);
        Assert.Equal("cloned", answer.Json.GetProperty("state").GetString());
    }

    private IVoiceLibrary Library() => LiveHost.Library(_temp);
}
