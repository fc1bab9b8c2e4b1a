using DubAgent.Core.Dsp;

namespace DubAgent.Engines.Separation.Dsp;

/// <summary>
/// The voice's soft mask for one block of the dialogue spectrogram, from methods free of patent claims:
/// 1. each bin's running median over about 2.5 s is the stationary part (sustained notes, hum, room tone: the
///    harmonic side of median-filter harmonic/percussive separation, Fitzgerald 2010); the rest is the residual;
/// 2. the voice-activity detector (energy, flatness, residual pitch, hangover) says which frames hold speech;
/// 3. in voiced speech frames, the voice is the residual under a harmonic comb following the frame's f0
///    (subharmonic summation on the residual); above the harmonic limit a fixed share of the residual;
/// 4. in unvoiced speech frames (consonants), a share of the high-frequency residual;
/// 5. the mask is the Wiener-style ratio V^p / (V^p + B^p) of voice and background (mixture minus voice)
///    estimates, after averaging both powers over neighbouring frames;
/// 6. in stereo, the mask is lowered where the side channel is strong (dialogue is mixed to the centre).
/// No REPET / REPET-SIM (repeating-pattern similarity) is used.
/// </summary>
public sealed class VocalMaskEstimator
{
    private readonly StftLayout _layout;
    private readonly DspSeparationSettings _settings;
    private readonly SpeechFeatureExtractor _features;
    private readonly VoiceActivityDetector _vad;
    private readonly int _stationaryKernel;

    public VocalMaskEstimator(StftLayout layout, DspSeparationSettings settings)
    {
        _layout = layout;
        _settings = settings;
        var pitch = PitchTrackerOptions.Default with { VoicedSalience = settings.VoicedSalience };
        _features = new SpeechFeatureExtractor(layout, pitch);
        _vad = new VoiceActivityDetector(VoiceActivityOptions.Default with { Pitch = pitch, StrongVoicingSalience = settings.StrongVoicingSalience });
        _stationaryKernel = Math.Max(3, (int)Math.Round(settings.StationarySeconds / layout.HopSeconds) | 1);
    }

    /// <summary>What the last block held, for the record: voiced and speech frames.</summary>
    public (int Frames, int Speech, int Voiced) LastCounts { get; private set; }

    public Spectrogram Estimate(Spectrogram dialogue, Spectrogram? side = null)
    {
        var frames = dialogue.Frames;
        var bins = dialogue.Bins;
        var stationary = MedianFilter.AlongTime(dialogue, _stationaryKernel);
        var features = _features.Compute(dialogue, 0, frames, stationary);
        var speech = _vad.Decide(features, _layout.HopSeconds);

        var voicePower = new Spectrogram(frames, bins);
        var backgroundPower = new Spectrogram(frames, bins);
        var binHz = _layout.BinHz;
        var p = _settings.MaskPower;
        int speechFrames = 0, voicedFrames = 0;
        for (var t = 0; t < frames; t++)
        {
            var d = dialogue.Frame(t);
            var s = stationary.Frame(t);
            var vp = voicePower.Frame(t);
            var bp = backgroundPower.Frame(t);
            var pitch = features[t].Pitch;
            var isSpeech = speech[t];
            if (isSpeech) speechFrames++;
            var voiced = isSpeech && pitch.Voiced;
            if (voiced) voicedFrames++;
            for (var k = 0; k < bins; k++)
            {
                var residual = Math.Max(0f, d[k] - s[k]);
                var share = !isSpeech ? 0 : voiced ? VoicedShare(k * binHz, pitch.Hz, binHz) : UnvoicedShare(k * binHz);
                var voice = (float)(residual * share);
                var background = d[k] - voice;
                vp[k] = (float)Math.Pow(voice, p);
                bp[k] = (float)Math.Pow(background, p);
            }
        }
        LastCounts = (frames, speechFrames, voicedFrames);

        var vSmooth = SmoothAlongTime(voicePower, _settings.RefineFrames);
        var bSmooth = SmoothAlongTime(backgroundPower, _settings.RefineFrames);
        var mask = new Spectrogram(frames, bins);
        for (var i = 0; i < mask.Data.Length; i++)
        {
            var v = vSmooth.Data[i];
            var total = v + bSmooth.Data[i];
            mask.Data[i] = total > 1e-20f ? v / total : 0f;
        }
        if (side is not null) LowerOffCentre(mask, dialogue, side);
        return mask;
    }

    /// <summary>The voice's share of the residual at a frequency in a voiced frame: a Gaussian tooth at each harmonic.</summary>
    internal double VoicedShare(double hz, double f0, double binHz)
    {
        if (hz < 0.5 * f0) return 0;
        if (hz > _settings.HarmonicLimitHz) return _settings.HighBandVoiceShare;
        var h = Math.Max(1, Math.Round(hz / f0));
        var distance = hz - h * f0;
        var width = Math.Sqrt(0.64 * binHz * binHz + Math.Pow(_settings.ToothRelativeWidth * h * f0, 2));
        return Math.Exp(-0.5 * distance * distance / (width * width));
    }

    private double UnvoicedShare(double hz) => hz >= _settings.UnvoicedFromHz ? _settings.UnvoicedVoiceShare : 0;

    private static Spectrogram SmoothAlongTime(Spectrogram input, int radius)
    {
        if (radius <= 0) return input;
        var result = new Spectrogram(input.Frames, input.Bins);
        for (var t = 0; t < input.Frames; t++)
        {
            var target = result.Frame(t);
            var from = Math.Max(0, t - radius);
            var to = Math.Min(input.Frames - 1, t + radius);
            for (var u = from; u <= to; u++)
            {
                var source = input.Frame(u);
                for (var k = 0; k < target.Length; k++) target[k] += source[k];
            }
            var scale = 1f / (to - from + 1);
            for (var k = 0; k < target.Length; k++) target[k] *= scale;
        }
        return result;
    }

    private static void LowerOffCentre(Spectrogram mask, Spectrogram mid, Spectrogram side)
    {
        for (var i = 0; i < mask.Data.Length; i++)
        {
            var m = mid.Data[i] * mid.Data[i];
            var s = side.Data[i] * side.Data[i];
            if (m + s > 0) mask.Data[i] *= m / (m + s);
        }
    }
}
