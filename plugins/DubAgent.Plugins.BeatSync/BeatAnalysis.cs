using DubAgent.Abstractions.Media;

namespace DubAgent.Plugins.BeatSync;

/// <summary>A song's beat grid: tempo, beat times and (when the metre is clear) downbeat times, in seconds.</summary>
public sealed record BeatGrid(
    double Tempo,
    double TempoConfidence,
    IReadOnlyList<double> Beats,
    IReadOnlyList<double> Downbeats,
    int? BeatsPerBar,
    double MetreClarity,
    double Duration);

/// <summary>Onset envelope, tempo, beats, downbeats: the whole analysis over a WAV read block by block.</summary>
public static class BeatAnalysis
{
    public static BeatGrid Analyse(IAudioReader reader, CancellationToken cancellationToken = default, IProgress<double>? progress = null)
    {
        var format = reader.Format;
        var envelope = new OnsetEnvelope(format.SampleRate);
        var block = new float[8192 * format.Channels];
        var mono = new float[8192];
        long done = 0;
        int frames;
        while ((frames = reader.Read(block)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < frames; i++)
            {
                float sum = 0;
                for (var c = 0; c < format.Channels; c++) sum += block[i * format.Channels + c];
                mono[i] = sum / format.Channels;
            }
            envelope.Add(mono.AsSpan(0, frames));
            done += frames;
            progress?.Report(reader.FrameCount > 0 ? (double)done / reader.FrameCount : 0);
        }
        return FromEnvelope(envelope, (double)reader.FrameCount / format.SampleRate);
    }

    public static BeatGrid FromEnvelope(OnsetEnvelope envelope, double duration)
    {
        var rate = envelope.FrameRate;
        var onset = OnsetEnvelope.Normalize(envelope.Strength, rate);
        if (onset.All(v => v == 0)) return new BeatGrid(0, 0, [], [], null, 0, duration);

        var (bpm, confidence) = TempoEstimator.Estimate(onset, rate);
        var beatFrames = BeatTracker.Track(onset, 60 * rate / bpm);
        var (downbeatIndices, beatsPerBar, clarity) = DownbeatFinder.Find(beatFrames, envelope.Energy, envelope.LowEnergy, (int)Math.Ceiling(0.1 * rate));

        var beats = beatFrames.Select(envelope.TimeOf).ToList();
        var downbeats = downbeatIndices.Select(i => beats[i]).ToList();
        return new BeatGrid(Math.Round(bpm, 2), Math.Round(confidence, 3), beats, downbeats, beatsPerBar, Math.Round(clarity, 3), duration);
    }
}
