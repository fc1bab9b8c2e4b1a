using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;
using DubAgent.Engines.Separation.Mdx;
using Xunit.Abstractions;

namespace DubAgent.Engines.Tests.Separation.Mdx;

/// <summary>
/// The MDX-Net plumbing (transforms, windows, crossfades, channel pairs, compensation) with generated graphs of the real
/// models' names and shapes whose outputs are known: whatever goes wrong in the windowing shows as a seam.
/// </summary>
public sealed class MdxWindowedSeparatorTests(ITestOutputHelper output) : IDisposable
{
    private const int Rate = MdxLayout.SampleRate;
    private static readonly MdxLayout VocalLayout = new(7680, 1024, 3072, 256, 1.0);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"dubagent-mdx-{Guid.NewGuid():N}");

    private string FileOf(string name) => Path.Combine(_folder, name);

    private string Write(string name, float[][] channels)
    {
        Directory.CreateDirectory(_folder);
        var path = FileOf(name);
        WavWriter.WriteAll(path, new AudioFormat(Rate, channels.Length, SampleEncoding.Float32), TestSignals.Interleave(channels));
        return path;
    }

    private async Task<float[]> SeparateAsync(string graphKind, string input, MdxLayout layout, bool outputIsVocals = true, int cut = 0)
    {
        var graph = await TestMdxGraphs.WriteAsync(_folder, graphKind, layout.Bins, layout.Frames, cut);
        using var network = MdxNetwork.Load(graph, layout, threads: 2);
        var output = FileOf($"vocals-{Guid.NewGuid():N}.wav");
        new MdxWindowedSeparator(network, layout, 0.25).Separate(input, output, outputIsVocals, null, CancellationToken.None);
        var (format, samples) = WavReader.ReadAll(output);
        Assert.Equal(Rate, format.SampleRate);
        return samples;
    }

    [Fact]
    public async Task The_identity_graph_gives_the_input_back_with_no_seam_at_any_window_border()
    {
        var source = TestSignals.Partials(Rate, 25 * Rate, 200, 8_000, seed: 7);
        var input = Write("partials.wav", source);
        var expected = TestSignals.Interleave(source);

        var vocals = await SeparateAsync(TestMdxGraphs.Identity, input, VocalLayout);

        Assert.Equal(expected.Length, vocals.Length);
        var sdr = TestSignals.Sdr(expected, vocals);
        Assert.True(sdr > 60, $"round trip SDR {sdr:0.0} dB");
        var plan = MdxWindowPlan.For(VocalLayout, 0.25, source[0].Length);
        var worst = double.PositiveInfinity;
        Assert.True(plan.WindowCount >= 5, $"only {plan.WindowCount} windows");
        for (var k = 1; k < plan.WindowCount; k++)
        {
            // Around where window k starts fading in and where window k-1 has faded out.
            foreach (var border in new[] { (long)k * plan.Step, (long)k * plan.Step + plan.Crossfade }.Where(b => b < source[0].Length))
            {
                var from = (int)Math.Max(0, border - 2048) * 2;
                var to = (int)Math.Min(source[0].Length, border + 2048) * 2;
                var local = TestSignals.Sdr(expected, vocals, from, to);
                Assert.True(local > 60, $"SDR {local:0.0} dB around frame {border} (window {k})");
                worst = Math.Min(worst, local);
            }
        }
        output.WriteLine($"identity: SDR {sdr:0.0} dB over {plan.WindowCount} windows; worst around a border {worst:0.0} dB");
    }

    [Fact]
    public async Task A_fixed_low_pass_mask_keeps_the_partials_below_its_cut_and_the_rest_is_the_background()
    {
        var low = TestSignals.Partials(Rate, 15 * Rate, 200, 1_500, seed: 1);
        var high = TestSignals.Partials(Rate, 15 * Rate, 3_000, 8_000, seed: 2);
        var mixture = new[] { Add(low[0], high[0]), Add(low[1], high[1]) };
        var input = Write("mixture.wav", mixture);
        var cut = (int)(2000 / ((double)Rate / VocalLayout.FftSize));

        var vocals = await SeparateAsync(TestMdxGraphs.LowPass, input, VocalLayout, cut: cut);
        var background = Subtract(TestSignals.Interleave(mixture), vocals);

        var lowSdr = TestSignals.Sdr(TestSignals.Interleave(low), vocals);
        var highSdr = TestSignals.Sdr(TestSignals.Interleave(high), background);
        Assert.True(lowSdr > 60, $"vocals SDR {lowSdr:0.0} dB");
        Assert.True(highSdr > 60, $"background SDR {highSdr:0.0} dB");
        output.WriteLine($"fixed mask: vocals SDR {lowSdr:0.0} dB, background SDR {highSdr:0.0} dB");
    }

    [Fact]
    public async Task An_instrumental_model_s_output_is_the_background_and_the_voice_is_the_rest()
    {
        var low = TestSignals.Partials(Rate, 8 * Rate, 200, 1_500, seed: 3);
        var high = TestSignals.Partials(Rate, 8 * Rate, 3_000, 8_000, seed: 4);
        var input = Write("mixture.wav", [Add(low[0], high[0]), Add(low[1], high[1])]);
        var layout = new MdxLayout(6144, 1024, 3072, 256, 1.0);
        var cut = (int)(2000 / ((double)Rate / layout.FftSize));

        var vocals = await SeparateAsync(TestMdxGraphs.LowPass, input, layout, outputIsVocals: false, cut: cut);

        var sdr = TestSignals.Sdr(TestSignals.Interleave(high), vocals);
        Assert.True(sdr > 60, $"voice (mixture minus the model's background) SDR {sdr:0.0} dB");
        output.WriteLine($"instrumental fixed mask: voice SDR {sdr:0.0} dB");
    }

    [Fact]
    public async Task The_model_s_compensation_scales_its_stem()
    {
        var source = TestSignals.Partials(Rate, 7 * Rate, 200, 8_000, seed: 5);
        var input = Write("partials.wav", source);

        var vocals = await SeparateAsync(TestMdxGraphs.Identity, input, VocalLayout with { Compensation = 1.021 });

        var expected = TestSignals.Interleave(source).Select(v => v * 1.021f).ToArray();
        var sdr = TestSignals.Sdr(expected, vocals);
        Assert.True(sdr > 60, $"SDR {sdr:0.0} dB against 1.021 x the input");
    }

    [Fact]
    public async Task In_5_1_only_the_centre_channel_is_separated_and_mono_gives_its_one_channel()
    {
        var pair = TestSignals.Partials(Rate, 7 * Rate, 200, 8_000, seed: 6);
        var silent = new float[pair[0].Length];
        var surround = new[] { pair[1], pair[1], pair[0], silent, pair[1], pair[1] };
        var vocals = await SeparateAsync(TestMdxGraphs.Identity, Write("surround.wav", surround), VocalLayout);
        var centre = vocals.Where((_, i) => i % 6 == 2).ToArray();
        Assert.True(TestSignals.Sdr(pair[0], centre) > 60);
        Assert.All(vocals.Where((_, i) => i % 6 != 2), v => Assert.Equal(0f, v));

        var mono = await SeparateAsync(TestMdxGraphs.Identity, Write("mono.wav", [pair[0]]), VocalLayout);
        Assert.True(TestSignals.Sdr(pair[0], mono) > 60);
    }

    [Fact]
    public async Task A_cancelled_separation_stops_and_leaves_no_file()
    {
        var input = Write("partials.wav", TestSignals.Partials(Rate, 20 * Rate, 200, 8_000, seed: 8));
        var graph = await TestMdxGraphs.WriteAsync(_folder, TestMdxGraphs.Identity);
        using var network = MdxNetwork.Load(graph, VocalLayout, threads: 1);
        using var cancel = new CancellationTokenSource();
        var output = FileOf("cancelled.wav");
        var progress = new SynchronousProgress(() => cancel.Cancel());

        Assert.Throws<OperationCanceledException>(() =>
            new MdxWindowedSeparator(network, VocalLayout, 0.25).Separate(input, output, true, progress, cancel.Token));

        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(_folder, "*cancelled*"));
    }

    [Fact]
    public async Task A_graph_without_the_model_s_input_and_output_or_shape_is_refused_saying_what_it_has()
    {
        var other = await TestMdxGraphs.WriteAsync(_folder, TestMdxGraphs.Other);
        var names = Assert.Throws<InvalidDataException>(() => MdxNetwork.Load(other, VocalLayout, 1));
        Assert.Contains("x [", names.Message);

        var narrow = await TestMdxGraphs.WriteAsync(_folder, TestMdxGraphs.Identity, bins: 2048);
        var shape = Assert.Throws<InvalidDataException>(() => MdxNetwork.Load(narrow, VocalLayout, 1));
        Assert.Contains("2048", shape.Message);
        Assert.Contains("3072", shape.Message);
    }

    private static float[] Add(float[] a, float[] b) => a.Zip(b, (x, y) => x + y).ToArray();

    private static float[] Subtract(float[] a, float[] b) => a.Zip(b, (x, y) => x - y).ToArray();

    /// <summary>Calls back on the reporting thread (Progress&lt;T&gt; would post to the thread pool, too late to cancel).</summary>
    private sealed class SynchronousProgress(Action onFirst) : IProgress<Abstractions.ProgressUpdate>
    {
        public void Report(Abstractions.ProgressUpdate value) => onFirst();
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
