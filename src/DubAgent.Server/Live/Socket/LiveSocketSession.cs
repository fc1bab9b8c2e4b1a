using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;
using DubAgent.Abstractions.Errors;
using DubAgent.Server.Live.Pipeline;
using DubAgent.Server.Live.Protocol;
using DubAgent.Server.Live.Sessions;
using DubAgent.Server.Live.Voices;

namespace DubAgent.Server.Live.Socket;

/// <summary>
/// One client on `/ws/{connection_id}/{session_id}`: reads its messages (each at most Live:MaxMessageBytes), answers
/// every bad one with an `error` and a hint instead of closing, and runs a <see cref="DubbingPipeline"/> between
/// start_dubbing and stop_dubbing. A client that disconnects mid-utterance just ends the session.
/// </summary>
public sealed class LiveSocketSession(WebSocket socket, SessionRecord record, LiveEngines engines, LiveOptions options, CancellationToken hostStopping)
{
    private MessageOutbox _outbox = null!;
    private DubbingPipeline? _pipeline;
    private CancellationToken _session;
    private Task _cloning = Task.CompletedTask;

    public async Task RunAsync()
    {
        using var end = CancellationTokenSource.CreateLinkedTokenSource(hostStopping);
        await using var outbox = new MessageOutbox(socket, options.OutboxMessages, TimeSpan.FromSeconds(options.SendTimeoutSeconds), end.Token);
        using var broken = CancellationTokenSource.CreateLinkedTokenSource(end.Token, outbox.Broken);
        _outbox = outbox;
        _session = broken.Token;
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var (type, tooLarge) = await ReadMessageAsync(buffer).ConfigureAwait(false);
                if (type == WebSocketMessageType.Close) break;
                if (tooLarge)
                {
                    await PostAsync(new ErrorMessage($"A message over {options.MaxMessageBytes} bytes was refused.",
                        "Send audio in smaller chunks (a few hundred milliseconds each is best for latency).")).ConfigureAwait(false);
                    continue;
                }
                if (type == WebSocketMessageType.Binary) await AudioAsync(PcmAudio.FromBytes(buffer.WrittenSpan)).ConfigureAwait(false);
                else await HandleAsync(ClientMessage.Parse(buffer.WrittenSpan)).ConfigureAwait(false);
            }
            await _cloning.ConfigureAwait(false);
            await outbox.DrainAsync().ConfigureAwait(false);
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "session ended", CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Disconnected mid-stream, too slow to accept messages, or the server is stopping.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A fault of this server: the client hears what it was rather than a dropped connection.
            await SessionRefusal.SendAsync(socket, $"The live session failed: {e.GetType().Name}: {e.Message}", "Report this with the server's log.")
                .ConfigureAwait(false);
        }
        finally
        {
            await end.CancelAsync().ConfigureAwait(false);
            // A clone still running sees the session end and stops; its answer has nobody left to go to.
            await _cloning.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            if (_pipeline is not null) await _pipeline.DisposeAsync().ConfigureAwait(false);
            record.State = "closed";
        }
    }

    private async Task<(WebSocketMessageType Type, bool TooLarge)> ReadMessageAsync(ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        var tooLarge = false;
        while (true)
        {
            var space = buffer.GetMemory(16 * 1024);
            var result = await socket.ReceiveAsync(space, _session).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close) return (result.MessageType, false);
            if (!tooLarge) buffer.Advance(result.Count);
            if (buffer.WrittenCount > options.MaxMessageBytes)
            {
                tooLarge = true;
                buffer.ResetWrittenCount();
            }
            if (result.EndOfMessage) return (result.MessageType, tooLarge);
        }
    }

    private async Task HandleAsync((ClientMessage? Message, ProtocolError? Error) parsed)
    {
        if (parsed.Error is { } error)
        {
            await PostAsync(new ErrorMessage(error.Message, error.Hint)).ConfigureAwait(false);
            return;
        }
        var message = parsed.Message!;
        switch (message.Type)
        {
            case ClientMessage.StartDubbing:
                await StartAsync(message).ConfigureAwait(false);
                break;
            case ClientMessage.AudioChunk:
                await AudioAsync(PcmAudio.FromBase64(message.AudioData)).ConfigureAwait(false);
                break;
            case ClientMessage.StopDubbing:
                if (_pipeline is null)
                    await PostAsync(new ErrorMessage("stop_dubbing without a running session.", "Send start_dubbing first.")).ConfigureAwait(false);
                else await StopAsync(sendStopped: true).ConfigureAwait(false);
                break;
            case ClientMessage.CreateVoiceClone:
                // Cloning can take seconds (samples uploaded to a cloning engine): it runs beside the read loop, one clone
                // after the other, so the session's audio keeps being read and dubbed meanwhile.
                _cloning = CloneAfterAsync(_cloning, message);
                break;
        }
    }

    private async Task StartAsync(ClientMessage message)
    {
        if (_pipeline is not null)
        {
            await PostAsync(new ErrorMessage("Dubbing is already running in this session.", "Send stop_dubbing before starting again.")).ConfigureAwait(false);
            return;
        }
        var source = (message.SourceLanguage ?? "en").Trim().ToLowerInvariant();
        var target = (message.TargetLanguage ?? "").Trim().ToLowerInvariant();
        if (target.Length == 0)
        {
            await PostAsync(new ErrorMessage("start_dubbing has no target_language.", "Add \"target_language\":\"es\" (an ISO 639-1 code).")).ConfigureAwait(false);
            return;
        }
        if (source != "en")
        {
            await PostAsync(new ErrorMessage($"Live recognition cannot hear '{source}': the built-in recogniser (pocketsphinx) knows English only.",
                "Set source_language to en.")).ConfigureAwait(false);
            return;
        }
        try
        {
            if (await engines.Translator.CheckAsync(source, target, _session).ConfigureAwait(false) is { } problem)
            {
                await PostAsync(new ErrorMessage(problem.Message, problem.Hint ?? "Choose another target_language.")).ConfigureAwait(false);
                return;
            }
            await engines.Translator.WarmAsync(source, target, _session).ConfigureAwait(false);
            var casting = message.PreserveVoice && engines.Library is { } library
                ? new LibraryCasting(await library.ListAsync(_session).ConfigureAwait(false), target)
                : null;
            var dubber = new Dubber(engines.Translator, LiveEngines.Synthesizer, engines.LineSpeaker, casting, options, source, target, record, PostAsync);
            _pipeline = new DubbingPipeline(engines, options, dubber, message.PreserveVoice, PostAsync, _session);
        }
        catch (DubAgentException e)
        {
            await PostAsync(new ErrorMessage($"Live dubbing cannot start: {e.Message}", e.Hint ?? "See `dubagent doctor`.")).ConfigureAwait(false);
            return;
        }
        record.State = "dubbing";
        record.SourceLanguage = source;
        record.TargetLanguage = target;
        await PostAsync(new SessionMessage("started", record.SessionId, record.ConnectionId, source, target, message.PreserveVoice, engines.Names,
            Note: engines.VadNote)).ConfigureAwait(false);
    }

    private async Task AudioAsync((short[]? Samples, ProtocolError? Error) audio)
    {
        if (audio.Error is { } error)
        {
            await PostAsync(new ErrorMessage(error.Message, error.Hint)).ConfigureAwait(false);
            return;
        }
        if (_pipeline is null)
        {
            await PostAsync(new ErrorMessage("Audio arrived before start_dubbing; it was ignored.",
                "Send {\"type\":\"start_dubbing\",\"source_language\":\"en\",\"target_language\":\"es\"} first.")).ConfigureAwait(false);
            return;
        }
        await _pipeline.WriteAsync(audio.Samples!, _session).ConfigureAwait(false);
    }

    private async Task StopAsync(bool sendStopped)
    {
        var pipeline = _pipeline!;
        _pipeline = null;
        await pipeline.StopAsync().ConfigureAwait(false);
        var segments = pipeline.Segments;
        await pipeline.DisposeAsync().ConfigureAwait(false);
        record.State = "stopped";
        if (sendStopped)
            await PostAsync(new SessionMessage("stopped", record.SessionId, record.ConnectionId, Segments: segments,
                Note: _outbox.Dropped > 0 ? $"{_outbox.Dropped} partial transcripts were dropped because the client read slowly" : null)).ConfigureAwait(false);
    }

    private async Task CloneAfterAsync(Task previous, ClientMessage message)
    {
        await previous.ConfigureAwait(false);
        try
        {
            await PostAsync(await engines.Cloning.AnswerAsync(message, record.SessionId, _session).ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ChannelClosedException or ObjectDisposedException)
        {
            // The session ended while cloning: nobody is left to answer.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await PostAsync(new ErrorMessage($"create_voice_clone failed: {e.GetType().Name}: {e.Message}", "Report this with the server's log.")).ConfigureAwait(false);
        }
    }

    private ValueTask PostAsync(ServerMessage message) => _outbox.PostAsync(message, _session);
}
