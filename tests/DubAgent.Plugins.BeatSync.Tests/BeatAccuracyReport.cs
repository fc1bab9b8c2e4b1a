using Xunit.Abstractions;

namespace DubAgent.Plugins.BeatSync.Tests;

/// <summary>
/// The figures for the scoreboard: beat and downbeat F-measure (70 ms) over click tracks and drum loops from 60 to
/// 180 BPM. Run with `dotnet test tests/DubAgent.Plugins.BeatSync.Tests --filter BeatAccuracyReport
/// --logger "console;verbosity=detailed"` to read the table; the test fails if the mean falls under 0.9.
/// </summary>
public class BeatAccuracyReport(ITestOutputHelper output)
{
    [Fact]
    public void Mean_beat_F_measure_over_tempi_60_to_180_BPM()
    {
        var beatScores = new List<double>();
        var downbeatScores = new List<double>();
        output.WriteLine("signal      bpm   tempo found  beat F   downbeat F");
        foreach (var kind in new[] { "clicks", "drums" })
        {
            for (var bpm = 60.0; bpm <= 180; bpm += 15)
            {
                var (samples, beats, downbeats) = kind == "clicks" ? RhythmSignals.ClickTrack(bpm, 30) : RhythmSignals.DrumLoop(bpm, 30);
                var grid = RhythmSignals.Analyse(samples);
                var f = BeatFMeasure.Score(beats, grid.Beats).F;
                var fDown = BeatFMeasure.Score(downbeats, grid.Downbeats).F;
                beatScores.Add(f);
                downbeatScores.Add(fDown);
                output.WriteLine($"{kind,-10} {bpm,5:0} {grid.Tempo,10:0.0} {f,9:0.000} {fDown,11:0.000}");
            }
        }
        output.WriteLine($"mean beat F {beatScores.Average():0.000}, mean downbeat F {downbeatScores.Average():0.000}, over {beatScores.Count} signals");
        Assert.True(beatScores.Average() >= 0.9, $"mean beat F-measure {beatScores.Average():0.000}");
    }
}
