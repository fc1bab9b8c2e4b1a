using System.Globalization;

namespace DubAgent.Engines.Analysis;

/// <summary>
/// The content rule, from the soundtrack's figures (the routing recipes use it to pick uvr for dialogue, demucs for cinematic):
/// 1. music under at least 30 % of the time                         → cinematic (a score or bed Demucs should keep);
/// 2. otherwise, pauses within 12 dB of the speech level            → cinematic (loud effects or ambience between lines);
/// 3. otherwise, speech at least 30 % of the time                   → dialogue (talk show, interview, lecture);
/// 4. otherwise                                                     → cinematic (little talk: action, montage).
/// </summary>
public static class ContentGuess
{
    public const string Dialogue = "dialogue";
    public const string Cinematic = "cinematic";

    public const double MusicRatioThreshold = 0.30;
    public const double LoudBackgroundDb = -12;
    public const double SpeechRatioThreshold = 0.30;

    public static (string Guess, IReadOnlyList<string> Reasons) Decide(SoundtrackFigures f)
    {
        string P(double v) => (100 * v).ToString("0", CultureInfo.InvariantCulture) + " %";
        string Db(double v) => v.ToString("0.#", CultureInfo.InvariantCulture) + " dB";
        var facts = $"speech {P(f.SpeechRatio)} of the time, music {P(f.MusicRatio)}, pauses at {Db(f.BackgroundToSpeechDb)} relative to speech";
        if (f.MusicRatio >= MusicRatioThreshold)
            return (Cinematic, [$"music under {P(f.MusicRatio)} of the time (>= {P(MusicRatioThreshold)})", facts]);
        if (f.BackgroundToSpeechDb >= LoudBackgroundDb)
            return (Cinematic, [$"the pauses are loud: {Db(f.BackgroundToSpeechDb)} relative to speech (>= {Db(LoudBackgroundDb)}): effects or ambience", facts]);
        if (f.SpeechRatio >= SpeechRatioThreshold)
            return (Dialogue, [$"speech {P(f.SpeechRatio)} of the time (>= {P(SpeechRatioThreshold)}) over a quiet background with little music", facts]);
        return (Cinematic, [$"little speech: {P(f.SpeechRatio)} of the time (< {P(SpeechRatioThreshold)})", facts]);
    }
}
