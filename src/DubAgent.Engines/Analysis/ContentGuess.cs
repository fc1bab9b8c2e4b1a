using System.Globalization;

namespace DubAgent.Engines.Analysis;

/// <summary>
/// The content rule, from the soundtrack's figures (recipes route dialogue to the MDX-Net vocal models, cinematic to Demucs):
/// 1. music under at least 30 % of the time                                     → cinematic (a score or bed to keep);
/// 2. pauses within 12 dB of the speech, or sounds near the speech's level in
///    at least 10 % of the pauses                                               → cinematic (effects, ambience);
/// 3. speech at least 30 % of the time, in turns that follow each other (median
///    pause under 2 s) and less than half the time in stretches of 4 s or more
///    without speech                                                           → dialogue (talk, interview, lecture, audiobook);
/// 4. otherwise                                                                 → cinematic (little talk, or lines spaced by action).
/// The reasons name the rule that fired and every figure it looked at.
/// </summary>
public static class ContentGuess
{
    public const string Dialogue = "dialogue";
    public const string Cinematic = "cinematic";

    public const double MusicRatioThreshold = 0.30;
    public const double LoudBackgroundDb = -12;
    public const double LoudEventThreshold = 0.10;
    public const double SpeechRatioThreshold = 0.30;
    public const double FlowingPauseSeconds = 2.0;
    public const double LongGapThreshold = 0.5;

    public static (string Guess, IReadOnlyList<string> Reasons) Decide(SoundtrackFigures f)
    {
        var turns = f.Turns;
        var facts = string.Create(CultureInfo.InvariantCulture,
            $"speech {P(f.SpeechRatio)} of the time in {turns.Count} turns ({turns.PerMinute:0.#} a minute, median pause {turns.MedianPauseSeconds:0.0} s, " +
            $"{P(turns.LongGapRatio)} of the time in gaps of {SpeechTurns.LongGapSeconds:0} s or more), music {P(f.MusicRatio)}, " +
            $"pauses at {Db(f.BackgroundToSpeechDb)} relative to speech, loud sounds in {P(f.LoudEventRatio)} of the pauses");
        if (f.MusicRatio >= MusicRatioThreshold)
            return (Cinematic, [$"music under {P(f.MusicRatio)} of the time (>= {P(MusicRatioThreshold)}): a score or bed to keep", facts]);
        if (f.BackgroundToSpeechDb >= LoudBackgroundDb)
            return (Cinematic, [$"the pauses are loud: {Db(f.BackgroundToSpeechDb)} relative to speech (>= {Db(LoudBackgroundDb)}): effects or ambience", facts]);
        if (f.LoudEventRatio >= LoudEventThreshold)
            return (Cinematic, [$"sounds near the speech's level in {P(f.LoudEventRatio)} of the pauses (>= {P(LoudEventThreshold)}): effects", facts]);
        if (f.SpeechRatio < SpeechRatioThreshold)
            return (Cinematic, [$"little speech: {P(f.SpeechRatio)} of the time (< {P(SpeechRatioThreshold)})", facts]);
        if (turns.MedianPauseSeconds >= FlowingPauseSeconds || turns.LongGapRatio >= LongGapThreshold)
            return (Cinematic, [string.Create(CultureInfo.InvariantCulture,
                $"the lines are spaced out (median pause {turns.MedianPauseSeconds:0.0} s, {P(turns.LongGapRatio)} of the time in long gaps): action between them"), facts]);
        return (Dialogue, [string.Create(CultureInfo.InvariantCulture,
            $"speech {P(f.SpeechRatio)} of the time, turn after turn (median pause {turns.MedianPauseSeconds:0.0} s), over a quiet background with little music"), facts]);
    }

    private static string P(double v) => (100 * v).ToString("0", CultureInfo.InvariantCulture) + " %";

    private static string Db(double v) => v.ToString("0.#", CultureInfo.InvariantCulture) + " dB";
}
