using System.Diagnostics;
using System.Threading.Channels;
using DubAgent.Abstractions.Errors;
using DubAgent.Engines.Synthesis;
using DubAgent.Server.Live.Protocol;
using DubAgent.Server.Live.Sessions;
using DubAgent.Server.Live.Synthesis;
using DubAgent.Server.Live.Translation;
using DubAgent.Server.Live.Voices;

namespace DubAgent.Server.Live.Pipeline;

/// <summary>
/// The speaking half of a session: each recognised utterance is translated and spoken, and its audio goes out as soon
/// as the synthesizer made the first piece, then in pieces of Live:AudioChunkMs. Latency figures go with each piece:
/// asr from the end of the utterance's audio to its final transcript, translate and tts as they took, total from the
/// end of the utterance's audio to that message. With library casting, a speaker matched to an actor speaks with the
/// actor's voice (espeak-ng in process, another engine through <see cref="EngineLineSpeaker"/>).
/// </summary>
public sealed class Dubber(LiveTranslator translator, EspeakStreamer synthesizer, EngineLineSpeaker engineSpeaker, LibraryCasting? casting,
    LiveOptions options, string source, string target, SessionRecord record, Func<ServerMessage, ValueTask> post)
{
    private readonly HashSet<string> _failedVoices = new(StringComparer.Ordinal);

    public async Task DubAsync(Utterance utterance, CancellationToken cancellationToken)
    {
        var translateStart = Stopwatch.GetTimestamp();
        var text = await translator.TranslateAsync(utterance.Text, source, target, cancellationToken).ConfigureAwait(false);
        var translateMs = Stopwatch.GetElapsedTime(translateStart).TotalMilliseconds;
        await post(new TranslationMessage(utterance.SegmentId, text)).ConfigureAwait(false);
        var actor = await CastAsync(utterance).ConfigureAwait(false);
        record.Add(new SegmentRecord(utterance.SegmentId, utterance.Speaker, Math.Round(utterance.Start, 3), Math.Round(utterance.End, 3), utterance.Text, text,
            actor?.Actor));
        if (text.Length == 0) return;

        var ttsStart = Stopwatch.GetTimestamp();
        if (actor is { Engine: { } engine, Voice: { } voice } && !IsEspeak(engine) && !_failedVoices.Contains(actor.Actor))
        {
            try
            {
                var (samples, rate) = await engineSpeaker.SpeakAsync(text, target, engine, voice, cancellationToken).ConfigureAwait(false);
                await SendWholeAsync(utterance, samples, rate, translateMs, ttsStart).ConfigureAwait(false);
                return;
            }
            catch (DubAgentException e)
            {
                _failedVoices.Add(actor.Actor);
                await post(new ErrorMessage($"{actor.Actor}'s voice ({engine} '{voice}') could not speak: {e.Message}; {utterance.Speaker} goes on with a built-in voice.",
                    e.Hint ?? "Check the engine with `dubagent doctor`.")).ConfigureAwait(false);
            }
        }
        await StreamEspeakAsync(utterance, text, PersonaFor(utterance, actor), translateMs, ttsStart, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<ActorVoice?> CastAsync(Utterance utterance)
    {
        if (casting is null) return null;
        var (actor, decided) = casting.Resolve(utterance.Speaker, utterance.Audio);
        if (decided && actor is not null)
            await post(new SpeakerMessage(utterance.Speaker, actor.Actor, actor.Score, actor.Engine, actor.Voice,
                actor.Engine is null ? $"{actor.Actor} has no voice for '{target}' in the library; a built-in voice speaks for them" : null)).ConfigureAwait(false);
        return actor;
    }

    private static bool IsEspeak(string engine) => engine is "espeak-ng" or "espeak";

    /// <summary>The actor's espeak-ng persona (their rate factor applied) when they have one, else the speaker's own.</summary>
    private static EspeakPersona PersonaFor(Utterance utterance, ActorVoice? actor)
    {
        if (actor is not { Engine: { } engine, Voice: { } voice } || !IsEspeak(engine) || EspeakPersona.Find(voice) is not { } persona) return utterance.Persona;
        return actor.Rate is { } factor and > 0 ? persona with { Rate = (int)Math.Round(persona.Rate * factor) } : persona;
    }

    private async Task StreamEspeakAsync(Utterance utterance, string text, EspeakPersona persona, double translateMs, long ttsStart, CancellationToken cancellationToken)
    {
        var pieces = Channel.CreateUnbounded<short[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        // One line's audio (seconds) is all this channel ever holds; espeak-ng runs on its own thread meanwhile.
        var speaking = Task.Run(() =>
        {
            try
            {
                synthesizer.Speak(text, target, persona, piece => pieces.Writer.TryWrite(piece), cancellationToken);
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
            await SendAsync(utterance, pending.ToArray(), synthesizer.SampleRate, translateMs, ttsStart, first).ConfigureAwait(false);
            pending.Clear();
            first = false;
        }
        await speaking.ConfigureAwait(false);
        if (pending.Count > 0) await SendAsync(utterance, pending.ToArray(), synthesizer.SampleRate, translateMs, ttsStart, first).ConfigureAwait(false);
    }

    private async Task SendWholeAsync(Utterance utterance, short[] samples, int rate, double translateMs, long ttsStart)
    {
        var chunk = Math.Max(1, rate * options.AudioChunkMs / 1000);
        for (var offset = 0; offset < samples.Length; offset += chunk)
            await SendAsync(utterance, samples[offset..Math.Min(samples.Length, offset + chunk)], rate, translateMs, ttsStart, offset == 0).ConfigureAwait(false);
    }

    private async ValueTask SendAsync(Utterance utterance, short[] samples, int rate, double translateMs, long ttsStart, bool first)
    {
        var audio = PcmAudio.ToBase64(samples);
        var now = Stopwatch.GetTimestamp();
        var figures = new LatencyFigures(
            Round(Stopwatch.GetElapsedTime(utterance.EndArrival, utterance.Recognised).TotalMilliseconds),
            Round(translateMs),
            Round(Stopwatch.GetElapsedTime(ttsStart, now).TotalMilliseconds),
            Round(Stopwatch.GetElapsedTime(utterance.EndArrival, now).TotalMilliseconds));
        if (first) record.AddLatency(figures);
        await post(new DubbedAudioMessage(utterance.SegmentId, audio, rate, figures)).ConfigureAwait(false);
    }

    private static double Round(double value) => Math.Round(value, 1);
}
