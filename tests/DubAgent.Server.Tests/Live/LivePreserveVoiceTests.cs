using System.Text.Json;
using DubAgent.Abstractions.Voices;
using DubAgent.Server.Live.Client;
using DubAgent.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Server.Tests.Live;

/// <summary>preserve_voice against a real voice library holding two actors: JFK's speech is matched to his actor, not the other.</summary>
public sealed class LivePreserveVoiceTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_speaker_matched_to_a_library_actor_is_dubbed_with_the_actors_voice_for_the_language()
    {
        var library = Library();
        await using var host = await LiveHost.StartAsync(_temp);
        await using (var enrol = await LiveStreamClient.ConnectAsync(host.Endpoint, "c", "enrol", null, CancellationToken.None))
        {
            await enrol.CreateVoiceCloneAsync("John Kennedy", [LiveHost.Jfk()[..(16_000 * 6)]], "I agree.", CancellationToken.None);
            await enrol.WaitForAsync(m => m.Type == "voice_clone", Patience, CancellationToken.None);
            await enrol.CreateVoiceCloneAsync("Caller", [LiveHost.PyannoteSample()[..(16_000 * 10)]], "I agree.", CancellationToken.None);
            await enrol.WaitForAsync(m => m.Type == "voice_clone" && m.Json.GetProperty("speaker_id").GetString() == "Caller", Patience, CancellationToken.None);
        }
        await library.AssignAsync("John Kennedy", new VoiceAssignment("es", "espeak-ng", "female-warm"), CancellationToken.None);
        await library.AssignAsync("Caller", new VoiceAssignment("es", "espeak-ng", "male-deep"), CancellationToken.None);

        await using var client = await LiveStreamClient.ConnectAsync(host.Endpoint, "c", "preserved", null, CancellationToken.None);
        await client.StartAsync("en", "es", CancellationToken.None, preserveVoice: true);
        await client.StreamAsync(LiveHost.Jfk(), 1000, false, CancellationToken.None);
        await client.StopAsync(Patience, CancellationToken.None);

        var speaker = Assert.Single(client.Messages, m => m.Type == "speaker");
        Assert.Equal("John Kennedy", speaker.Json.GetProperty("actor").GetString());
        Assert.Equal(("espeak-ng", "female-warm"), (speaker.Json.GetProperty("engine").GetString(), speaker.Json.GetProperty("voice").GetString()));
        Assert.True(speaker.Json.GetProperty("score").GetDouble() >= 0.7);
        Assert.Contains(client.Messages, m => m.Type == "dubbed_audio");
        using var http = new HttpClient();
        using var session = JsonDocument.Parse(await http.GetStringAsync(new Uri(host.Endpoint, "/api/sessions/preserved")));
        Assert.Contains(session.RootElement.GetProperty("segments").EnumerateArray(), s => s.TryGetProperty("actor", out var a) && a.GetString() == "John Kennedy");
    }

    [Fact]
    public async Task Without_preserve_voice_the_library_is_not_consulted()
    {
        await using var host = await LiveHost.StartAsync(_temp);
        await using var client = await LiveStreamClient.ConnectAsync(host.Endpoint, "c", "plain", null, CancellationToken.None);
        await client.CreateVoiceCloneAsync("John Kennedy", [LiveHost.Jfk()[..(16_000 * 6)]], "I agree.", CancellationToken.None);
        await client.WaitForAsync(m => m.Type == "voice_clone", Patience, CancellationToken.None);
        await client.StartAsync("en", "es", CancellationToken.None);
        await client.StreamAsync(LiveHost.Jfk(), 1000, false, CancellationToken.None);
        await client.StopAsync(Patience, CancellationToken.None);
        Assert.DoesNotContain(client.Messages, m => m.Type == "speaker");
        Assert.Contains(client.Messages, m => m.Type == "dubbed_audio" && m.Json.GetProperty("sample_rate").GetInt32() == 22050);
    }

    private IVoiceLibrary Library() => LiveHost.Library(_temp);
}
