using System.Net;
using System.Net.WebSockets;
using DubAgent.Server.Live.Client;
using DubAgent.Server.Tests.Support;

namespace DubAgent.Server.Tests.Live;

/// <summary>What the live endpoint does with bad clients: no token, bad messages, bad audio, too many sessions, a client that leaves mid-utterance.</summary>
public sealed class LiveProtocolErrorTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Without_the_token_the_socket_is_refused_and_with_the_query_token_it_opens()
    {
        await using var host = await LiveHost.StartAsync(_temp, token: "s3cret");
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => LiveStreamClient.ConnectAsync(host.Endpoint, "c", "s", null, CancellationToken.None));
        Assert.Contains("401", refused.Message);

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{host.Endpoint.Authority}/ws/c/s?token=s3cret"), CancellationToken.None);
        Assert.Equal(WebSocketState.Open, socket.State);
        await using var withHeader = await LiveStreamClient.ConnectAsync(host.Endpoint, "c", "s2", "s3cret", CancellationToken.None);

        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri(host.Endpoint, "/api/health"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(host.Endpoint, "/api/health?token=s3cret"))).StatusCode);
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("{\"kind\":\"x\"}", "no \"type\"")]
    [InlineData("{\"type\":\"dance\"}", "Unknown message type")]
    [InlineData("{\"type\":\"audio_chunk\",\"audio_data\":\"AAAAAA==\"}", "before start_dubbing")]
    [InlineData("{\"type\":\"stop_dubbing\"}", "without a running session")]
    [InlineData("{\"type\":\"start_dubbing\",\"source_language\":\"en\"}", "no target_language")]
    [InlineData("{\"type\":\"start_dubbing\",\"source_language\":\"fr\",\"target_language\":\"es\"}", "English only")]
    [InlineData("{\"type\":\"start_dubbing\",\"source_language\":\"en\",\"target_language\":\"xx\"}", "en -> xx")]
    [InlineData("{\"type\":\"create_voice_clone\",\"speaker_id\":\"a\",\"audio_samples\":[\"AAAA\"],\"consent\":\"yes\"}", "audio_samples[0]")]
    [InlineData("{\"type\":\"create_voice_clone\",\"speaker_id\":\"a\",\"audio_samples\":[\"AAAA\"]}", "without consent")]
    [InlineData("{\"type\":\"create_voice_clone\",\"audio_samples\":[\"AAAA\"],\"consent\":\"yes\"}", "no speaker_id")]
    public async Task A_bad_message_gets_an_error_with_a_hint_and_the_session_goes_on(string json, string expected)
    {
        await using var host = await LiveHost.StartAsync(_temp);
        await using var client = await LiveStreamClient.ConnectAsync(host.Endpoint, "c", "s", null, CancellationToken.None);
        await client.SendJsonAsync(json, CancellationToken.None);
        var error = await client.WaitForAsync(m => m.Type == "error", Patience, CancellationToken.None);
        Assert.Contains(expected, error.Json.GetProperty("message").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.Json.GetProperty("hint").GetString()));

        await client.StartAsync("en", "es", CancellationToken.None);
        await client.WaitForAsync(m => m.Type == "session", Patience, CancellationToken.None);
    }

    [Fact]
    public async Task Bad_audio_chunks_get_errors_not_a_crash()
    {
        await using var host = await LiveHost.StartAsync(_temp);
        await using var client = await LiveStreamClient.ConnectAsync(host.Endpoint, "c", "s", null, CancellationToken.None);
        await client.StartAsync("en", "es", CancellationToken.None);
        await client.SendJsonAsync("{\"type\":\"audio_chunk\",\"audio_data\":\"%%%\"}", CancellationToken.None);
        await client.SendJsonAsync("{\"type\":\"audio_chunk\",\"audio_data\":\"AAAA\"}", CancellationToken.None); // 3 bytes: odd
        await client.StreamAsync([1, 2, 3], 100, false, CancellationToken.None);
        await client.StopAsync(Patience, CancellationToken.None);
        var errors = client.Messages.Where(m => m.Type == "error").Select(m => m.Json.GetProperty("message").GetString()).ToList();
        Assert.Contains(errors, e => e!.Contains("not base64"));
        Assert.Contains(errors, e => e!.Contains("not whole 16-bit samples"));
    }

    [Fact]
    public async Task Beyond_the_session_limit_a_client_gets_an_error_and_a_close()
    {
        await using var host = await LiveHost.StartAsync(_temp, settings: new Dictionary<string, string?> { ["Live:MaxSessions"] = "1" });
        await using var first = await LiveStreamClient.ConnectAsync(host.Endpoint, "c", "one", null, CancellationToken.None);
        await first.StartAsync("en", "es", CancellationToken.None);
        await first.WaitForAsync(m => m.Type == "session", Patience, CancellationToken.None);
        await using var second = await LiveStreamClient.ConnectAsync(host.Endpoint, "c", "two", null, CancellationToken.None);
        var error = await second.WaitForAsync(m => m.Type == "error", Patience, CancellationToken.None);
        Assert.Contains("1 live sessions", error.Json.GetProperty("message").GetString());
        Assert.Contains("Live:MaxSessions", error.Json.GetProperty("hint").GetString());
    }

    [Fact]
    public async Task A_client_that_leaves_mid_utterance_frees_its_place()
    {
        await using var host = await LiveHost.StartAsync(_temp, settings: new Dictionary<string, string?> { ["Live:MaxSessions"] = "1" });
        var speech = LiveHost.Jfk();
        await using (var leaving = await LiveStreamClient.ConnectAsync(host.Endpoint, "c", "leaves", null, CancellationToken.None))
        {
            await leaving.StartAsync("en", "es", CancellationToken.None);
            await leaving.StreamAsync(speech[..(16_000 * 3)], 200, false, CancellationToken.None); // stops inside "And so my fellow Americans"
        }
        using var http = new HttpClient();
        // The session closes once its in-flight recognition ends: as long as that takes on a loaded machine.
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline && !(await http.GetStringAsync(new Uri(host.Endpoint, "/api/sessions/leaves"))).Contains("\"state\":\"closed\""))
            await Task.Delay(100);
        await using var next = await LiveStreamClient.ConnectAsync(host.Endpoint, "c", "next", null, CancellationToken.None);
        await next.StartAsync("en", "es", CancellationToken.None);
        var started = await next.WaitForAsync(m => m.Type is "session" or "error", Patience, CancellationToken.None);
        Assert.Equal("session", started.Type);
    }

    [Fact]
    public async Task The_rest_endpoints_and_the_page_answer()
    {
        await using var host = await LiveHost.StartAsync(_temp);
        using var http = new HttpClient();
        Assert.Contains("\"silero-vad\"", await http.GetStringAsync(new Uri(host.Endpoint, "/api/health")));
        Assert.Contains("male-mid", await http.GetStringAsync(new Uri(host.Endpoint, "/api/voices")));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(host.Endpoint, "/api/sessions/nobody"))).StatusCode);
        Assert.Contains("/live/live.js", await http.GetStringAsync(new Uri(host.Endpoint, "/live")));
        Assert.Contains("getUserMedia", await http.GetStringAsync(new Uri(host.Endpoint, "/live/live.js")));
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync(new Uri(host.Endpoint, "/ws/c/s"))).StatusCode);
    }

    [Fact]
    public async Task An_uploaded_file_becomes_a_dub_job_and_a_bad_upload_gets_a_hint()
    {
        await using var host = await LiveHost.StartAsync(_temp);
        using var http = new HttpClient();
        var upload = new Uri(host.Endpoint, "/api/upload-audio");
        using var notForm = await http.PostAsync(upload, new StringContent("hello"));
        Assert.Equal(HttpStatusCode.BadRequest, notForm.StatusCode);
        Assert.Contains("multipart", await notForm.Content.ReadAsStringAsync());

        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(LiveHost.SharedDirectory, "data", "jfk", "jfk.wav"))), "file", "jfk.wav" },
            { new StringContent("es"), "target_language" },
        };
        using var accepted = await http.PostAsync(upload, form);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var job = System.Text.Json.JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("job_id").GetString()!;
        var kept = Path.Combine(_temp.Sub("jobs"), job, "upload", "jfk.wav");
        Assert.True(File.Exists(kept), kept);
        Assert.Equal(new FileInfo(Path.Combine(LiveHost.SharedDirectory, "data", "jfk", "jfk.wav")).Length, new FileInfo(kept).Length);
    }
}
