using DubAgent.Abstractions.Media;
using DubAgent.Core.Dsp;
using DubAgent.Core.Media;
using DubAgent.Core.Processes;
using DubAgent.Engines.Tests.Diarization;

namespace DubAgent.Engines.Tests.SpeechDetection;

/// <summary>
/// A 16 kHz clip in the demo's manner: espeak-ng lines over a quiet chord bed, with stretches of louder music and
/// noise bursts alone between them. The truth is each line's audible extent; everything else is music or noise.
/// </summary>
internal static class SpeechOverMusicClip
{
    private const int Rate = 16_000;

    private static readonly string[] Lines =
    [
        "The train to the coast leaves at seven in the morning.",
        "Bring a warm coat, the wind on the pier is cold.",
        "We can have lunch in the harbour and walk back along the cliffs.",
    ];

    /// <summary>Held chords (bass and a triad) changing every two seconds, as the demo's bed does, at <paramref name="level"/> per note.</summary>
    private static float Chords(double t, double level)
    {
        double[][] chords = [[65.41, 261.63, 329.63, 392.00], [55.00, 220.00, 261.63, 329.63], [87.31, 174.61, 220.00, 261.63]];
        var notes = chords[(int)(t / 2) % chords.Length];
        var inChord = t % 2;
        var envelope = Math.Min(1, inChord / 0.05) * Math.Min(1, (2 - inChord) / 0.3);
        return (float)(level * envelope * notes.Sum(f => Math.Sin(2 * Math.PI * f * t)));
    }

    public static async Task<(string Path, IReadOnlyList<SpeechRegion> Truth)> WriteAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var runner = new ProcessRunner();
        var samples = new List<float>();
        var truth = new List<SpeechRegion>();
        var random = new Random(7);
        void MusicAlone(double seconds)
        {
            var start = samples.Count;
            for (var i = 0; i < (int)(seconds * Rate); i++)
            {
                var t = (double)(start + i) / Rate;
                // A noise burst of 0.2 s every 1.5 s, like the demo's hits and crackle.
                var burst = (t % 1.5) < 0.2 ? 0.3 * (random.NextDouble() * 2 - 1) : 0;
                samples.Add(Chords(t, 0.08) + (float)burst);
            }
        }
        MusicAlone(3);
        for (var line = 0; line < Lines.Length; line++)
        {
            var raw = Path.Combine(folder, $"line{line}.espeak.wav");
            var clip = Path.Combine(folder, $"line{line}.wav");
            var spoken = await runner.RunAsync(new ProcessRequest("espeak-ng", ["-v", line % 2 == 0 ? "en-us+m3" : "en-us+f3", "-w", raw, Lines[line]]),
                CancellationToken.None);
            Assert.True(spoken.Succeeded, spoken.StderrTail);
            await SpeechFixtures.Media.ExtractAudioAsync(raw, clip, Rate, 1, SampleEncoding.Pcm16, null, CancellationToken.None);
            var (_, voice) = WavReader.ReadAll(clip);
            var first = Array.FindIndex(voice, s => Math.Abs(s) > 0.01f);
            var last = Array.FindLastIndex(voice, s => Math.Abs(s) > 0.01f);
            var start = samples.Count;
            truth.Add(new SpeechRegion((double)(start + first) / Rate, (double)(start + last + 1) / Rate));
            for (var i = 0; i < voice.Length; i++) samples.Add(0.8f * voice[i] + Chords((double)(start + i) / Rate, 0.015));
            MusicAlone(3);
        }
        var path = Path.Combine(folder, "speech-over-music.wav");
        WavWriter.WriteAll(path, new AudioFormat(Rate, 1), samples.ToArray());
        return (path, truth);
    }
}
