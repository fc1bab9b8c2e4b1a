using DubAgent.Server.Live.Client;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The real English recordings of ../shared/data the live bench streams (all 16 kHz mono WAV; short_clips_en_fr_zh's
/// english.wav is 44.1 kHz, which the protocol does not take, and is left out), with their reference
/// text where the data has an exact one (video_en_speech's is inferred, so it counts for latency only).
/// </summary>
public static class LiveBenchClips
{
    public sealed record Clip(string Name, string Path, short[] Pcm, string? Reference)
    {
        public double Seconds => Pcm.Length / 16_000.0;
    }

    public static IReadOnlyList<Clip> Load(string shared)
    {
        (string Name, string Wav, Func<string, string?> Reference)[] known =
        [
            ("jfk", "jfk/jfk.wav", _ => Text(shared, "jfk/jfk.ref.txt")),
            ("pyannote_sample", "pyannote_sample/sample.wav", _ => Stm(Path.Combine(shared, "pyannote_sample", "sample.stm"))),
            ("sentences_8_languages/test (en)", "sentences_8_languages/test.wav", _ => Text(shared, "sentences_8_languages/test.ref.txt")),
            ("short_clips_ru_en/LDC93S1", "short_clips_ru_en/LDC93S1.wav", _ => Text(shared, "short_clips_ru_en/LDC93S1.ref.txt")),
            ("short_clips_ru_en/new-home-in-the-stars", "short_clips_ru_en/new-home-in-the-stars-16k.wav",
                _ => Text(shared, "short_clips_ru_en/new-home-in-the-stars-16k.ref.txt")),
            ("video_en_speech", "video_en_speech/englishvideo_audio16k.wav", _ => null),
        ];
        var clips = new List<Clip>();
        foreach (var (name, wav, reference) in known)
        {
            var path = Path.Combine(shared, wav);
            if (File.Exists(path)) clips.Add(new Clip(name, path, LiveStreamClient.ReadPcm16(path), reference(path)));
        }
        return clips;
    }

    private static string? Text(string shared, string file) => File.Exists(Path.Combine(shared, file)) ? File.ReadAllText(Path.Combine(shared, file)) : null;

    /// <summary>The words of an STM transcript (file channel speaker start end text), in time order.</summary>
    private static string? Stm(string path) =>
        File.Exists(path)
            ? string.Join(' ', File.ReadLines(path).Select(l => l.Split(' ', 6)).Where(f => f.Length == 6)
                .OrderBy(f => double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture)).Select(f => f[5]))
            : null;
}
