using DubAgent.Core.Dsp;
using DubAgent.Core.Media;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// The median f0 of each speaker over (up to) the first 20 seconds of their lines in the original audio, read from
/// a WAV by seeking to each line and tracked with Core's <see cref="PitchTracker"/>; a speaker with too few voiced
/// frames gets no figure.
/// </summary>
public static class SpeakerPitchMeter
{
    private const double SecondsPerSpeaker = 20;
    private const int MinVoicedFrames = 8;

    public static IReadOnlyDictionary<string, double> Measure(string wavPath, IEnumerable<(string Speaker, double Start, double End)> lines,
        CancellationToken cancellationToken)
    {
        using var reader = new WavReader(wavPath);
        var sourceRate = reader.Format.SampleRate;
        var channels = reader.Format.Channels;
        // The tracker sums harmonics up to 4 kHz: averaging down to about 16 kHz keeps them and cuts the work.
        var decimation = Math.Max(1, sourceRate / 16000);
        var rate = sourceRate / decimation;
        var frameLength = StftLayout.For(rate).FftSize;
        var f0s = new Dictionary<string, List<double>>();
        var seconds = new Dictionary<string, double>();

        foreach (var (speaker, start, end) in lines)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var used = seconds.GetValueOrDefault(speaker);
            if (used >= SecondsPerSpeaker || end <= start) continue;
            var length = Math.Min(end - start, SecondsPerSpeaker - used);
            seconds[speaker] = used + length;

            var first = (long)(start * sourceRate);
            var count = (int)Math.Min((long)(length * sourceRate), reader.FrameCount - first);
            if (first >= reader.FrameCount || count < frameLength * decimation) continue;
            reader.Seek(first);
            var interleaved = new float[count * channels];
            var got = reader.Read(interleaved);
            var mono = new float[got / decimation];
            for (var i = 0; i < mono.Length; i++)
            {
                float sum = 0;
                for (var j = i * decimation * channels; j < (i + 1) * decimation * channels; j++) sum += interleaved[j];
                mono[i] = sum / (decimation * channels);
            }
            var list = f0s.TryGetValue(speaker, out var l) ? l : f0s[speaker] = [];
            foreach (var frame in PitchTracker.Track(mono, rate).Frames)
                if (frame.Voiced) list.Add(frame.Hz);
        }

        return f0s.Where(p => p.Value.Count >= MinVoicedFrames)
            .ToDictionary(p => p.Key, p => Median(p.Value));
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
