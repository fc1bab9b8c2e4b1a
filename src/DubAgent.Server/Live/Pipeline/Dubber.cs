using System.Diagnostics;
using System.Threading.Channels;
using DubAgent.Server.Live.Protocol;
using DubAgent.Server.Live.Sessions;
using DubAgent.Server.Live.Synthesis;
using DubAgent.Server.Live.Translation;

namespace DubAgent.Server.Live.Pipeline;

/// <summary>
/// The speaking half of a session: each recognised utterance is translated and spoken, and its audio goes out as soon
/// as the synthesizer made the first piece, then in pieces of Live:AudioChunkMs. Latency figures go with each piece:
/// asr from the end of the utterance's audio to its final transcript, translate and tts as they took, total from the
/// end of the utterance's audio to that message.
/// </summary>
public sealed class Dubber(LiveTranslator translator, EspeakStreamer synthesizer, LiveOptions options, string source, string target,
    SessionRecord record, Func<ServerMessage, ValueTask> post)
{
    public async Task DubAsync(Utterance utterance, CancellationToken cancellationToken)
    {
        var translateStart = Stopwatch.GetTimestamp();
        var text = await translator.TranslateAsync(utterance.Text, source, target, cancellationToken).ConfigureAwait(false);
        var translateMs = Stopwatch.GetElapsedTime(translateStart).TotalMilliseconds;
        await post(new TranslationMessage(utterance.SegmentId, text)).ConfigureAwait(false);
        record.Add(new SegmentRecord(utterance.SegmentId, utterance.Speaker, Math.Round(utterance.Start, 3), Math.Round(utterance.End, 3), utterance.Text, text));
        if (text.Length == 0) return;

        var pieces = Channel.CreateUnbounded<short[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var ttsStart = Stopwatch.GetTimestamp();
        // One line's audio (seconds) is all this channel ever holds; espeak-ng runs on its own thread meanwhile.
        var speaking = Task.Run(() =>
        {
            try
            {
                synthesizer.Speak(text, target, utterance.Persona, piece => pieces.Writer.TryWrite(piece), cancellationToken);
            }
            finally
            {
                pieces.Writer.TryComplete();
            }
        }, cancellationToken);

        var chunkSamples = synthesizer.SampleRate * options.AudioChunkMs / 1000;
        var pending = new List<short>(chunkSamples);
        var first = true;
        await foreach (var piece in pieces.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            pending.AddRange(piece);
            if (!first && pending.Count < chunkSamples) continue;
            await SendAsync(utterance, pending, translateMs, ttsStart, first).ConfigureAwait(false);
            first = false;
        }
        await speaking.ConfigureAwait(false);
        if (pending.Count > 0) await SendAsync(utterance, pending, translateMs, ttsStart, first).ConfigureAwait(false);
    }

    private async ValueTask SendAsync(Utterance utterance, List<short> pending, double translateMs, long ttsStart, bool first)
    {
        var audio = PcmAudio.ToBase64(pending.ToArray());
        pending.Clear();
        var now = Stopwatch.GetTimestamp();
        var figures = new LatencyFigures(
            Round(Stopwatch.GetElapsedTime(utterance.EndArrival, utterance.Recognised).TotalMilliseconds),
            Round(translateMs),
            Round(Stopwatch.GetElapsedTime(ttsStart, now).TotalMilliseconds),
            Round(Stopwatch.GetElapsedTime(utterance.EndArrival, now).TotalMilliseconds));
        if (first) record.AddLatency(figures);
        await post(new DubbedAudioMessage(utterance.SegmentId, audio, synthesizer.SampleRate, figures)).ConfigureAwait(false);
    }

    private static double Round(double value) => Math.Round(value, 1);
}
