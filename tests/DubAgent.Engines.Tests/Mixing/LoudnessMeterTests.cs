using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;

namespace DubAgent.Engines.Tests.Mixing;

public class LoudnessMeterTests
{
    [Fact]
    public void Parses_the_ebur128_summary()
    {
        const string stderr = """
            [Parsed_ebur128_0 @ 0x55] Summary:

              Integrated loudness:
                I:         -31.8 LUFS
                Threshold: -41.8 LUFS

              Loudness range:
                LRA:         2.5 LU
                Threshold: -51.8 LUFS
                LRA low:   -31.8 LUFS
                LRA high:  -31.8 LUFS

              True peak:
                Peak:      -28.1 dBFS
            """;
        Assert.Equal(new LoudnessMeasurement(-31.8, 2.5, -28.1, -41.8), LoudnessMeter.ParseSummary(stderr));
        Assert.Null(LoudnessMeter.ParseSummary("no summary here"));
    }

    [Fact]
    public async Task A_sine_at_minus_20_dBFS_in_one_channel_measures_minus_23_LUFS()
    {
        // BS.1770: a 1 kHz sine at 0 dBFS in one channel reads -3.01 LUFS.
        using var media = new MixMedia();
        var sine = await media.GenerateAsync("sine.wav", "sine=f=997:d=5:sample_rate=48000", "volume=0.8", "-c:a", "pcm_f32le");
        // sine's default amplitude is 1/8 (-18.06 dBFS); x0.8 gives -20.0 dBFS.
        var m = await media.Meter.MeasureAsync(sine, CancellationToken.None);
        Assert.InRange(m.IntegratedLufs, -23.2, -22.8);
        Assert.InRange(m.TruePeakDbtp, -20.2, -19.8);
    }
}
