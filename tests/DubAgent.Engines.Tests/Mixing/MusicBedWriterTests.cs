using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;
using DubAgent.Engines.Mixing;

namespace DubAgent.Engines.Tests.Mixing;

public class MusicBedWriterTests
{
    private const int Rate = 8000;

    private static string Music(MixMedia media, double seconds, Func<int, float> sample)
    {
        var path = media.PathOf($"music-{Guid.NewGuid():N}.wav");
        var frames = (int)(seconds * Rate);
        WavWriter.WriteAll(path, new AudioFormat(Rate, 1, SampleEncoding.Float32), Enumerable.Range(0, frames).Select(sample).ToArray());
        return path;
    }

    private static float[] Read(string path) => WavReader.ReadAll(path).Samples;

    [Fact]
    public void Loops_to_the_exact_length_with_fades_and_sample_exact_repeats()
    {
        using var media = new MixMedia();
        var random = new Random(3);
        var noise = Enumerable.Range(0, 3 * Rate).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var music = Music(media, 3, i => noise[i]);
        var output = media.PathOf("bed.wav");
        var starts = new MusicBedWriter().Write(music, output, 10 * Rate + 123, CancellationToken.None);

        var bed = Read(output);
        Assert.Equal(10 * Rate + 123, bed.Length);
        Assert.Equal(4, starts);
        // Fade in: silent at the first sample, half way at 0.5 s, full from 1 s.
        Assert.Equal(0, bed[0]);
        Assert.Equal(noise[Rate / 2] * 0.5f, bed[Rate / 2], 4);
        Assert.Equal(noise[Rate + 5], bed[Rate + 5], 5);
        // Fade out: the last sample is silent.
        Assert.Equal(0, bed[^1]);
        // Second loop, after its 50 ms seam: the music again, sample for sample.
        var seam = (int)(0.05 * Rate);
        var period = 3 * Rate - seam;
        Assert.Equal(noise[seam + 100], bed[period + seam + 100], 5);
        Assert.Equal(noise[2 * Rate], bed[period + 2 * Rate], 5);
    }

    [Fact]
    public void Seams_keep_the_level_steady()
    {
        using var media = new MixMedia();
        var random = new Random(5);
        var music = Music(media, 2, _ => (float)(random.NextDouble() - 0.5));
        var output = media.PathOf("bed.wav");
        new MusicBedWriter().Write(music, output, 8 * Rate, CancellationToken.None);
        var bed = Read(output);
        var period = 2 * Rate - (int)(0.05 * Rate);
        double Rms(int from, int count) => Math.Sqrt(bed.Skip(from).Take(count).Average(x => (double)x * x));
        var steady = Rms(period + Rate / 2, Rate / 2);
        var atSeam = Rms(2 * period, (int)(0.05 * Rate));
        Assert.InRange(20 * Math.Log10(atSeam / steady), -1.5, 1.5);
    }

    [Fact]
    public void Music_longer_than_the_video_is_cut_exactly_with_a_fade_out()
    {
        using var media = new MixMedia();
        var music = Music(media, 6, _ => 0.5f);
        var output = media.PathOf("bed.wav");
        var starts = new MusicBedWriter().Write(music, output, 4 * Rate, CancellationToken.None);
        var bed = Read(output);
        Assert.Equal(1, starts);
        Assert.Equal(4 * Rate, bed.Length);
        Assert.Equal(0.5f, bed[2 * Rate], 5);
        Assert.Equal(0.25f, bed[4 * Rate - 1 - Rate / 2], 3);
        Assert.Equal(0, bed[^1]);
    }
}
