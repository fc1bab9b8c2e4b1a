using System.Runtime.InteropServices;
using System.Text;
using DubAgent.Abstractions.Errors;
using DubAgent.Engines.Synthesis;

namespace DubAgent.Server.Live.Synthesis;

/// <summary>
/// Speaks a line with espeak-ng in this process and hands over the audio piece by piece as it is made (16-bit mono at
/// espeak-ng's own rate, 22,050 Hz). The library holds one global voice, so lines are spoken one at a time.
/// </summary>
public sealed class EspeakStreamer
{
    public const string InstallHint = "apt-get install libespeak-ng1 espeak-ng-data";

    private readonly Lock _gate = new();
    private readonly EspeakNative.SynthCallback _callback;
    private Action<short[]>? _sink;
    private bool _cancelled;

    private EspeakStreamer(int sampleRate)
    {
        SampleRate = sampleRate;
        _callback = OnSamples;
        EspeakNative.SetSynthCallback(_callback);
    }

    public int SampleRate { get; }

    /// <param name="chunkMilliseconds">How much audio each piece holds (the first piece is ready after this much is made).</param>
    public static EspeakStreamer Start(int chunkMilliseconds)
    {
        if (!EspeakNative.IsPresent())
            throw new EngineUnavailableException("espeak-ng", "synthesize", "the espeak-ng library (libespeak-ng.so.1) is not installed", InstallHint);
        var rate = EspeakNative.Initialize(EspeakNative.OutputSynchronous, chunkMilliseconds, IntPtr.Zero, 0);
        if (rate <= 0)
            throw new EngineUnavailableException("espeak-ng", "synthesize", "espeak-ng could not find its voice data", InstallHint);
        return new EspeakStreamer(rate);
    }

    /// <summary>Speaks <paramref name="text"/> in <paramref name="language"/> with <paramref name="persona"/>; each piece goes to <paramref name="onChunk"/> at once.</summary>
    public void Speak(string text, string language, EspeakPersona persona, Action<short[]> onChunk, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text + "\0");
        lock (_gate)
        {
            if (EspeakNative.SetVoiceByName($"{language}+{persona.Variant}") != 0 && EspeakNative.SetVoiceByName(language) != 0)
                throw new InputException($"espeak-ng has no voice for the language '{language}'.", "Choose a target_language espeak-ng speaks (espeak-ng --voices).");
            EspeakNative.SetParameter(EspeakNative.ParameterRate, persona.Rate, 0);
            EspeakNative.SetParameter(EspeakNative.ParameterPitch, persona.Pitch, 0);
            _sink = onChunk;
            _cancelled = false;
            using var stop = cancellationToken.Register(() => _cancelled = true);
            try
            {
                var result = EspeakNative.Synth(bytes, (nuint)bytes.Length, 0, EspeakNative.PositionCharacter, 0, EspeakNative.CharsUtf8, IntPtr.Zero, IntPtr.Zero);
                if (result != 0 && !_cancelled)
                    throw new EngineFailedException("espeak-ng", $"espeak_Synth failed (code {result})", "Check the text and the language.");
            }
            finally
            {
                _sink = null;
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    private int OnSamples(IntPtr samples, int count, IntPtr events)
    {
        if (_cancelled) return 1;
        if (samples != IntPtr.Zero && count > 0 && _sink is { } sink)
        {
            var chunk = new short[count];
            Marshal.Copy(samples, chunk, 0, count);
            sink(chunk);
        }
        return 0;
    }
}
