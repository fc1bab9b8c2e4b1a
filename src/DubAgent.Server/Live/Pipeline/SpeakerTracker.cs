using DubAgent.Core.Dsp;
using DubAgent.Engines.Diarization;
using DubAgent.Engines.Synthesis;

namespace DubAgent.Server.Live.Pipeline;

/// <summary>
/// Who speaks, within one session: each utterance's voice fingerprint (mean and spread of its MFCCs, the diarization
/// work's analyser, c0 left out so loudness does not count) is compared with the speakers heard so far; a close one
/// takes the line and its fingerprint moves towards it, else a new speaker starts. Each speaker keeps one espeak-ng
/// persona: by measured pitch when the voice is to be preserved, else the next of a male/female alternation.
/// </summary>
public sealed class SpeakerTracker(double similarity, bool preserveVoice)
{
    private const int Coefficients = 20;
    private static readonly string[] Alternation = ["male-mid", "female-mid", "male-low", "female-high", "male-bright", "female-warm", "male-deep", "female-bright", "male-high", "female-low"];

    private readonly MfccFrameAnalyzer _mfcc = new(Coefficients);
    private readonly List<Speaker> _speakers = [];

    public IReadOnlyList<string> Names => _speakers.Select(s => s.Name).ToList();

    /// <summary>The speaker of an utterance (16 kHz samples) and the persona that speaks for them.</summary>
    public (string Speaker, EspeakPersona Persona) Assign(ReadOnlySpan<short> samples)
    {
        var audio = new float[samples.Length];
        for (var i = 0; i < audio.Length; i++) audio[i] = samples[i] / 32768f;
        var print = Fingerprint(audio);
        // Too short to tell a voice apart: the line goes to whoever spoke last.
        if (print is null && _speakers.Count > 0) return (_speakers[^1].Name, _speakers[^1].Persona);
        var best = print is null ? null : _speakers.MaxBy(s => VectorMath.Dot(s.Print, print));
        if (best is not null && VectorMath.Dot(best.Print, print) >= similarity)
        {
            for (var i = 0; i < print!.Length; i++) best.Print[i] = 0.8f * best.Print[i] + 0.2f * print[i];
            best.Print = VectorMath.Unit(best.Print);
            return (best.Name, best.Persona);
        }
        var created = new Speaker($"SPEAKER_{_speakers.Count:D2}", print ?? new float[2 * (Coefficients - 1)], PersonaFor(audio));
        _speakers.Add(created);
        return (created.Name, created.Persona);
    }

    private EspeakPersona PersonaFor(float[] audio)
    {
        if (preserveVoice)
        {
            var voiced = PitchTracker.Track(audio, 16_000).Frames.Where(f => f.Voiced).Select(f => f.Hz).Order().ToList();
            if (voiced.Count >= 8)
            {
                // Median f0 on a log scale from 80 Hz (0) to 290 Hz (1), the range the personas were measured over.
                var relative = Math.Clamp(Math.Log(voiced[voiced.Count / 2] / 80) / Math.Log(290.0 / 80), 0, 1);
                var taken = _speakers.Select(s => s.Persona.Name).ToHashSet();
                return EspeakPersona.All.Where(p => !taken.Contains(p.Name)).DefaultIfEmpty(EspeakPersona.All[0])
                    .MinBy(p => Math.Abs(p.RelativePitch - relative))!;
            }
        }
        return EspeakPersona.Find(Alternation[_speakers.Count % Alternation.Length])!;
    }

    /// <summary>Unit vector of MFCC means and deviations (c1..c19), or null for audio too short to say.</summary>
    private float[]? Fingerprint(float[] audio)
    {
        var frames = (audio.Length - MfccFrameAnalyzer.FrameLength) / MfccFrameAnalyzer.Hop + 1;
        if (frames < 20) return null;
        var sum = new double[Coefficients];
        var squares = new double[Coefficients];
        var mfcc = new float[Coefficients];
        for (var f = 0; f < frames; f++)
        {
            _mfcc.Analyze(audio.AsSpan(f * MfccFrameAnalyzer.Hop, MfccFrameAnalyzer.FrameLength), mfcc);
            for (var c = 0; c < Coefficients; c++)
            {
                sum[c] += mfcc[c];
                squares[c] += mfcc[c] * mfcc[c];
            }
        }
        var print = new float[2 * (Coefficients - 1)];
        for (var c = 1; c < Coefficients; c++)
        {
            var mean = sum[c] / frames;
            print[c - 1] = (float)mean;
            print[Coefficients - 1 + c - 1] = (float)Math.Sqrt(Math.Max(0, squares[c] / frames - mean * mean));
        }
        return VectorMath.Unit(print);
    }

    private sealed class Speaker(string name, float[] print, EspeakPersona persona)
    {
        public string Name { get; } = name;
        public float[] Print { get; set; } = print;
        public EspeakPersona Persona { get; } = persona;
    }
}
