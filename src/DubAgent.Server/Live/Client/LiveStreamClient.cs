using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace DubAgent.Server.Live.Client;

/// <summary>
/// A client of the live protocol for the bench and the tests: streams 16 kHz PCM in chunks (at real-time pace or as
/// fast as the socket takes it), keeps every server message with its arrival time, and measures each segment's latency
/// as a browser would: from sending the utterance's last audio to receiving its first dubbed audio.
/// </summary>
public sealed class LiveStreamClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly List<ReceivedMessage> _messages = [];
    private readonly List<(long EndSample, long SentAt)> _sends = [];
    private readonly Lock _lock = new();
    private Task? _receiving;

    public IReadOnlyList<ReceivedMessage> Messages
    {
        get
        {
            lock (_lock) return _messages.ToList();
        }
    }

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static async Task<LiveStreamClient> ConnectAsync(Uri server, string connectionId, string sessionId, string? token, CancellationToken cancellationToken)
    {
        var client = new LiveStreamClient();
        var scheme = server.Scheme == "https" ? "wss" : "ws";
        var uri = new UriBuilder(scheme, server.Host, server.Port, $"/ws/{connectionId}/{sessionId}").Uri;
        if (token is not null) client._socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        await client._socket.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
        client._receiving = Task.Run(client.ReceiveLoopAsync, CancellationToken.None);
        return client;
    }

    /// <summary>The first channel of a 16 kHz WAV as the PCM16 samples the protocol streams.</summary>
    public static short[] ReadPcm16(string wav)
    {
        using var reader = new DubAgent.Core.Media.WavReader(wav);
        if (reader.Format.SampleRate != 16_000) throw new ArgumentException($"'{wav}' is {reader.Format.SampleRate} Hz; the live protocol streams 16 kHz.", nameof(wav));
        var samples = new float[reader.FrameCount * reader.Format.Channels];
        var frames = reader.Read(samples);
        var pcm = new short[frames];
        for (var i = 0; i < frames; i++) pcm[i] = (short)Math.Clamp(Math.Round(samples[i * reader.Format.Channels] * 32768f), short.MinValue, short.MaxValue);
        return pcm;
    }

    public Task SendJsonAsync(string json, CancellationToken cancellationToken) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, cancellationToken);

    public Task StartAsync(string source, string target, CancellationToken cancellationToken, bool preserveVoice = false) =>
        SendJsonAsync(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "start_dubbing", ["source_language"] = source, ["target_language"] = target, ["preserve_voice"] = preserveVoice,
        }), cancellationToken);

    /// <summary>Asks the server to keep (and clone, when it can) a speaker's voice from PCM16 16 kHz samples, with their consent.</summary>
    public Task CreateVoiceCloneAsync(string speakerId, IEnumerable<short[]> samples, string? consent, CancellationToken cancellationToken) =>
        SendJsonAsync(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = "create_voice_clone", ["speaker_id"] = speakerId, ["audio_samples"] = samples.Select(s => Protocol.PcmAudio.ToBase64(s)).ToList(),
            ["consent"] = consent,
        }), cancellationToken);

    /// <summary>Sends <paramref name="samples"/> as binary PCM frames of <paramref name="chunkMs"/>; paced to the audio's own clock when <paramref name="realTime"/>.</summary>
    public async Task StreamAsync(short[] samples, int chunkMs, bool realTime, CancellationToken cancellationToken)
    {
        var chunk = 16 * chunkMs;
        var clock = Stopwatch.StartNew();
        for (var offset = 0; offset < samples.Length; offset += chunk)
        {
            var count = Math.Min(chunk, samples.Length - offset);
            if (realTime)
            {
                // A chunk is sent once the audio it holds has been "spoken".
                var due = TimeSpan.FromSeconds((offset + count) / 16_000.0) - clock.Elapsed;
                if (due > TimeSpan.Zero) await Task.Delay(due, cancellationToken).ConfigureAwait(false);
            }
            var bytes = new byte[count * 2];
            for (var i = 0; i < count; i++) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), samples[offset + i]);
            await _socket.SendAsync(bytes, WebSocketMessageType.Binary, true, cancellationToken).ConfigureAwait(false);
            lock (_lock) _sends.Add((offset + count, Stopwatch.GetTimestamp()));
        }
    }

    /// <summary>Sends stop_dubbing and waits for the session's `stopped` message.</summary>
    public async Task StopAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await SendJsonAsync("{\"type\":\"stop_dubbing\"}", cancellationToken).ConfigureAwait(false);
        await WaitForAsync(m => m.Type == "session" && m.Json.GetProperty("state").GetString() == "stopped", timeout, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ReceivedMessage> WaitForAsync(Func<ReceivedMessage, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (Messages.FirstOrDefault(match) is { } found) return found;
            if (_receiving is { IsCompleted: true }) break;
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
        throw new TimeoutException($"No matching message within {timeout.TotalSeconds:0} s; got: {string.Join(", ", Messages.Select(m => m.Json.ToString()))}");
    }

    /// <summary>Per final segment: milliseconds from sending the audio at its end to receiving its first dubbed_audio.</summary>
    public IReadOnlyList<SegmentLatency> Latencies()
    {
        var messages = Messages;
        List<(long EndSample, long SentAt)> sends;
        lock (_lock) sends = _sends.ToList();
        var result = new List<SegmentLatency>();
        foreach (var transcript in messages.Where(m => m.Type == "transcript" && m.Json.GetProperty("final").GetBoolean()))
        {
            var id = transcript.Json.GetProperty("segment_id").GetString();
            var audio = messages.FirstOrDefault(m => m.Type == "dubbed_audio" && m.Json.GetProperty("segment_id").GetString() == id);
            if (audio is null) continue;
            var endSample = (long)(transcript.Json.GetProperty("end").GetDouble() * 16_000);
            var sent = sends.FirstOrDefault(s => s.EndSample >= endSample);
            if (sent == default) sent = sends[^1];
            var server = audio.Json.GetProperty("latency_ms");
            result.Add(new SegmentLatency(id!, Stopwatch.GetElapsedTime(sent.SentAt, audio.ReceivedAt).TotalMilliseconds,
                server.GetProperty("asr").GetDouble(), server.GetProperty("translate").GetDouble(), server.GetProperty("tts").GetDouble(),
                server.GetProperty("total").GetDouble()));
        }
        return result;
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                var json = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
                message.SetLength(0);
                lock (_lock) _messages.Add(new ReceivedMessage(json.GetProperty("type").GetString() ?? "", json, Stopwatch.GetTimestamp()));
            }
        }
        catch (WebSocketException e)
        {
            // The server closed the connection.
            lock (_lock) _messages.Add(new ReceivedMessage("closed", JsonDocument.Parse(JsonSerializer.Serialize(new { type = "closed", message = e.Message })).RootElement.Clone(), Stopwatch.GetTimestamp()));
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Already gone.
        }
        if (_receiving is not null) await _receiving.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
    }
}

public sealed record ReceivedMessage(string Type, JsonElement Json, long ReceivedAt);

/// <param name="ClientMs">Measured at the client: last audio of the utterance sent to first dubbed audio received.</param>
public sealed record SegmentLatency(string SegmentId, double ClientMs, double AsrMs, double TranslateMs, double TtsMs, double ServerTotalMs);
