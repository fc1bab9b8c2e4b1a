namespace DubAgent.Engines.Diarization;

/// <summary>
/// Running sums of frame features over one short block of speech frames (0.25 s): MFCCs c1.., their deltas and the
/// log pitch of voiced frames. Sums add, so a sliding window's statistics are the sum of its blocks.
/// </summary>
public sealed class SpeechBlockStatistics
{
    public SpeechBlockStatistics(int dimensions)
    {
        Sum = new float[dimensions];
        SumSquares = new float[dimensions];
    }

    public int Frames { get; private set; }

    public float[] Sum { get; }

    public float[] SumSquares { get; }

    public int VoicedFrames { get; private set; }

    public double SumLogPitch { get; private set; }

    public double SumSquaresLogPitch { get; private set; }

    public void Add(ReadOnlySpan<float> features, float pitchHz)
    {
        Frames++;
        for (var i = 0; i < features.Length; i++)
        {
            Sum[i] += features[i];
            SumSquares[i] += features[i] * features[i];
        }
        if (!float.IsNaN(pitchHz))
        {
            var log = Math.Log(pitchHz);
            VoicedFrames++;
            SumLogPitch += log;
            SumSquaresLogPitch += log * log;
        }
    }

    public void Add(SpeechBlockStatistics other)
    {
        Frames += other.Frames;
        for (var i = 0; i < Sum.Length; i++)
        {
            Sum[i] += other.Sum[i];
            SumSquares[i] += other.SumSquares[i];
        }
        VoicedFrames += other.VoicedFrames;
        SumLogPitch += other.SumLogPitch;
        SumSquaresLogPitch += other.SumSquaresLogPitch;
    }
}
