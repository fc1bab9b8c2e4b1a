using DubAgent.Server.Live.Client;
using DubAgent.Server.Tests.Support;

namespace DubAgent.Server.Tests.Live;

/// <summary>Real speech (JFK) streamed over a real WebSocket through the real engines: the whole protocol of a session.</summary>
public sealed class LiveStreamingTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(true, 100)]
    [InlineData(false, 1000)]
    public async Task Speech_streamed_in_chunks_comes_back_transcribed_translated_and_dubbed(bool realTime, int chunkMs)
    {
        await using var host = await LiveHost.StartAsync(_temp);
        await using var client = await LiveStreamClient.ConnectAsync(host.Endpoint, "c1", "jfk-" + realTime, null, CancellationToken.None);
        await client.StartAsync("en", "es", CancellationToken.None);
        var started = await client.WaitForAsync(m => m.Type == "session", Patience, CancellationToken.None);
        Assert.Equal("started", started.Json.GetProperty("state").GetString());
        Assert.Equal("silero-vad", started.Json.GetProperty("engines").GetProperty("vad").GetString());

        await client.StreamAsync(LiveHost.Jfk(), chunkMs, realTime, CancellationToken.None);
        await client.StopAsync(Patience, CancellationToken.None);

        var messages = client.Messages.ToList();
        var finals = messages.Where(m => m.Type == "transcript" && m.Json.GetProperty("final").GetBoolean()).ToList();
        Assert.NotEmpty(finals);
        var heard = string.Join(' ', finals.Select(f => f.Json.GetProperty("text").GetString()));
        // pocketsphinx (pruned for live use) is rough on this old recording; the words of "And so my fellow Americans, ask not
        // what your country can do for you, ask what you can do for your country" it hears.
        string[] expected = ["country", "what you", "american", "fellow", "ask", "can do", "for you"];
        Assert.True(expected.Count(w => heard.Contains(w, StringComparison.OrdinalIgnoreCase)) >= 3, heard);
        foreach (var final in finals)
        {
            var id = final.Json.GetProperty("segment_id").GetString();
            Assert.True(final.Json.GetProperty("end").GetDouble() > final.Json.GetProperty("start").GetDouble());
            Assert.All(messages.Where(m => m.Type == "transcript" && m.Json.GetProperty("segment_id").GetString() == id),
                partial => Assert.Equal(final.Json.GetProperty("start").GetDouble(), partial.Json.GetProperty("start").GetDouble()));
            Assert.StartsWith("SPEAKER_", final.Json.GetProperty("speaker").GetString());
            var translation = Assert.Single(messages, m => m.Type == "translation" && m.Json.GetProperty("segment_id").GetString() == id);
            Assert.False(string.IsNullOrWhiteSpace(translation.Json.GetProperty("text").GetString()));
            var audio = messages.Where(m => m.Type == "dubbed_audio" && m.Json.GetProperty("segment_id").GetString() == id).ToList();
            Assert.NotEmpty(audio);
            Assert.True(messages.IndexOf(final) < messages.IndexOf(translation) && messages.IndexOf(translation) < messages.IndexOf(audio[0]),
                "transcript, then translation, then dubbed audio");
            foreach (var piece in audio)
            {
                Assert.Equal(22050, piece.Json.GetProperty("sample_rate").GetInt32());
                var pcm = Convert.FromBase64String(piece.Json.GetProperty("audio_data").GetString()!);
                Assert.True(pcm.Length > 0 && pcm.Length % 2 == 0);
                var latency = piece.Json.GetProperty("latency_ms");
                foreach (var stage in new[] { "asr", "translate", "tts", "total" }) Assert.True(latency.GetProperty(stage).GetDouble() >= 0, stage);
                Assert.True(latency.GetProperty("total").GetDouble() >= latency.GetProperty("asr").GetDouble());
            }
            // The dub is speech, not silence: some sample is loud.
            var all = audio.SelectMany(a => Convert.FromBase64String(a.Json.GetProperty("audio_data").GetString()!)).ToArray();
            Assert.Contains(Enumerable.Range(0, all.Length / 2), i => Math.Abs((short)(all[2 * i] | all[2 * i + 1] << 8)) > 3000);
        }
        Assert.Equal(finals.Count, client.Latencies().Count);
        var stopped = messages.Last(m => m.Type == "session");
        Assert.Equal("stopped", stopped.Json.GetProperty("state").GetString());
        Assert.Equal(finals.Count, stopped.Json.GetProperty("segments").GetInt32());
        if (realTime) Assert.Contains(messages, m => m.Type == "transcript" && !m.Json.GetProperty("final").GetBoolean());
    }

    [Fact]
    public async Task The_session_record_shows_segments_and_latency_statistics()
    {
        await using var host = await LiveHost.StartAsync(_temp);
        await using (var client = await LiveStreamClient.ConnectAsync(host.Endpoint, "c1", "recorded", null, CancellationToken.None))
        {
            await client.StartAsync("en", "es", CancellationToken.None);
            await client.StreamAsync(LiveHost.Jfk(), 500, false, CancellationToken.None);
            await client.StopAsync(Patience, CancellationToken.None);
        }
        using var http = new HttpClient();
        var json = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri(host.Endpoint, "/api/sessions/recorded"))).RootElement;
        Assert.True(json.GetProperty("segment_count").GetInt32() > 0);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("segments")[0].GetProperty("translation").GetString()));
        Assert.True(json.GetProperty("latency_ms").GetProperty("total").GetProperty("p50").GetDouble() > 0);
    }
}
