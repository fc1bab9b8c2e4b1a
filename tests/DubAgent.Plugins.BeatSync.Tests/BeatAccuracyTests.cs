namespace DubAgent.Plugins.BeatSync.Tests;

public class BeatAccuracyTests
{
    [Theory]
    [InlineData(72)]
    [InlineData(96)]
    [InlineData(120)]
    [InlineData(140)]
    [InlineData(170)]
    public void Click_track_beats_are_found_within_70_ms(double bpm)
    {
        var (samples, beats, downbeats) = RhythmSignals.ClickTrack(bpm, 30);

        var grid = RhythmSignals.Analyse(samples);

        Assert.InRange(grid.Tempo, bpm * 0.98, bpm * 1.02);
        var (f, _, _) = BeatFMeasure.Score(beats, grid.Beats);
        Assert.True(f >= 0.95, $"F-measure {f:0.000} at {bpm} BPM");
        Assert.Equal(4, grid.BeatsPerBar);
        var (fDown, _, _) = BeatFMeasure.Score(downbeats, grid.Downbeats);
        Assert.True(fDown >= 0.9, $"downbeat F-measure {fDown:0.000} at {bpm} BPM");
    }

    [Theory]
    [InlineData(85)]
    [InlineData(110)]
    [InlineData(128)]
    [InlineData(150)]
    public void Drum_loop_beats_and_downbeats_are_found(double bpm)
    {
        var (samples, beats, downbeats) = RhythmSignals.DrumLoop(bpm, 30);

        var grid = RhythmSignals.Analyse(samples);

        var (f, _, _) = BeatFMeasure.Score(beats, grid.Beats);
        Assert.True(f >= 0.9, $"F-measure {f:0.000} at {bpm} BPM (tempo found {grid.Tempo})");
        var (fDown, _, _) = BeatFMeasure.Score(downbeats, grid.Downbeats);
        Assert.True(fDown >= 0.8, $"downbeat F-measure {fDown:0.000} at {bpm} BPM");
    }

    [Fact]
    public void Silence_has_no_beats()
    {
        var grid = RhythmSignals.Analyse(new float[RhythmSignals.Rate * 5]);

        Assert.Empty(grid.Beats);
        Assert.Empty(grid.Downbeats);
    }

    [Fact]
    public void Unaccented_clicks_claim_no_downbeats()
    {
        // Every click the same: no bar is audible, so no downbeats may be claimed.
        var (samples, beats, _) = RhythmSignals.ClickTrack(120, 20, beatsPerBar: 1);

        var grid = RhythmSignals.Analyse(samples);

        Assert.True(BeatFMeasure.Score(beats, grid.Beats).F >= 0.95);
        Assert.Empty(grid.Downbeats);
        Assert.Null(grid.BeatsPerBar);
    }

    [Fact]
    public void F_measure_matches_one_to_one_within_the_window()
    {
        var reference = new[] { 1.0, 2.0, 3.0, 4.0 };
        Assert.Equal(1.0, BeatFMeasure.Score(reference, [1.05, 1.95, 3.0, 4.069]).F, 6);
        // 80 ms off is outside the 70 ms window; two estimates near one reference count once.
        var (f, precision, recall) = BeatFMeasure.Score(reference, [1.08, 2.0, 2.01, 3.0]);
        Assert.Equal(0.5, precision, 6);
        Assert.Equal(0.5, recall, 6);
        Assert.Equal(0.5, f, 6);
    }
}
