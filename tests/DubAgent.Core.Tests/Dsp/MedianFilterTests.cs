using DubAgent.Core.Dsp;

namespace DubAgent.Core.Tests.Dsp;

public class MedianFilterTests
{
    [Fact]
    public void Running_median_matches_a_sorted_window()
    {
        var random = new Random(3);
        var x = Enumerable.Range(0, 200).Select(_ => (float)random.NextDouble()).ToArray();
        var y = new float[x.Length];
        MedianFilter.Apply(x, y, 7);
        for (var i = 3; i < x.Length - 3; i++)
        {
            var window = x[(i - 3)..(i + 4)].OrderBy(v => v).ToArray();
            Assert.Equal(window[3], y[i]);
        }
    }

    [Fact]
    public void Median_removes_a_spike_and_keeps_a_step()
    {
        float[] x = [0, 0, 0, 9, 0, 0, 0, 1, 1, 1, 1, 1];
        var y = new float[x.Length];
        MedianFilter.Apply(x, y, 3);
        Assert.Equal(0, y[3]);
        Assert.Equal(1, y[8]);
        Assert.Equal(0, y[5]);
    }

    [Fact]
    public void Percentile_zero_is_the_window_minimum()
    {
        float[] x = [5, 4, 3, 2, 1, 2, 3, 4, 5];
        var y = new float[x.Length];
        RunningPercentile.Apply(x, y, 5, 0);
        Assert.Equal(3, y[0]);
        Assert.Equal(1, y[4]);
    }

    [Fact]
    public void Time_median_keeps_a_steady_tone_and_drops_a_click()
    {
        var s = new Spectrogram(21, 4);
        for (var t = 0; t < 21; t++) s[t, 1] = 1;
        s[10, 3] = 5;
        var h = MedianFilter.AlongTime(s, 5);
        Assert.Equal(1, h[10, 1]);
        Assert.Equal(0, h[10, 3]);
        var p = MedianFilter.AlongFrequency(s, 3);
        Assert.Equal(0, p[10, 3] + p[10, 0]);
    }
}
