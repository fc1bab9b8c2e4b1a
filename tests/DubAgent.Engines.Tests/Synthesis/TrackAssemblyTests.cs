using DubAgent.Core.Media;
using DubAgent.Engines.Synthesis;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Tests.Synthesis;

public sealed class TrackAssemblyTests
{
    [Fact]
    public void Track_has_exactly_the_requested_frames_and_each_clip_sits_at_its_frame()
    {
        using var kit = new SynthesisTestKit();
        SynthesisTestKit.WriteConstant(kit.PathOf("a.wav"), 8000, 4000, 0.25f);
        SynthesisTestKit.WriteConstant(kit.PathOf("b.wav"), 8000, 50000, 0.5f);
        var output = kit.PathOf("voice.wav");
        TrackAssembler.Write(output, 8000, 123457,
            [new PlacedClip(kit.PathOf("b.wav"), 60000, 30000), new PlacedClip(kit.PathOf("a.wav"), 1000, 4000)], null, CancellationToken.None);

        var (format, samples) = WavReader.ReadAll(output);
        Assert.Equal(8000, format.SampleRate);
        Assert.Equal(1, format.Channels);
        Assert.Equal(123457, samples.Length);
        Assert.Equal(0f, samples[999]);
        Assert.Equal(0.25f, samples[1000], 3);
        Assert.Equal(0.25f, samples[4999], 3);
        Assert.Equal(0f, samples[5000]);
        Assert.Equal(0.5f, samples[60000], 3);
        Assert.Equal(0.5f, samples[89999], 3);
        Assert.Equal(0f, samples[90000]); // cut at MaxFrames
    }

    [Fact]
    public void Clips_of_overlapping_lines_are_summed_and_a_clip_past_the_end_is_cut()
    {
        using var kit = new SynthesisTestKit();
        SynthesisTestKit.WriteConstant(kit.PathOf("a.wav"), 8000, 20000, 0.25f);
        var output = kit.PathOf("voice.wav");
        TrackAssembler.Write(output, 8000, 30000,
            [new PlacedClip(kit.PathOf("a.wav"), 0, 20000), new PlacedClip(kit.PathOf("a.wav"), 15000, 20000)], null, CancellationToken.None);
        var (_, samples) = WavReader.ReadAll(output);
        Assert.Equal(30000, samples.Length);
        Assert.Equal(0.25f, samples[14999], 3);
        Assert.Equal(0.5f, samples[15000], 3);
        Assert.Equal(0.5f, samples[19999], 3);
        Assert.Equal(0.25f, samples[20000], 3);
        Assert.Equal(0.25f, samples[29999], 3);
    }

    [Fact]
    public void Rubberband_compresses_time_and_keeps_the_pitch()
    {
        using var kit = new SynthesisTestKit();
        var raw = kit.PathOf("raw.wav");
        SynthesisTestKit.WriteTone(raw, 22050, 0.2, 2.0, 0.2, hz: 200);
        var bounds = SpeechBounds.Measure(raw);
        var stretcher = new ClipStretcher(kit.Services.GetRequiredService<Ffmpeg>());
        var fitted = kit.PathOf("fitted.wav");
        stretcher.RenderAsync(raw, bounds, 1.25, 48000, fitted, CancellationToken.None).GetAwaiter().GetResult();

        var (format, samples) = WavReader.ReadAll(fitted);
        Assert.Equal(48000, format.SampleRate);
        Assert.Equal(1, format.Channels);
        var seconds = samples.Length / 48000.0;
        Assert.InRange(seconds, bounds.Seconds / 1.25 - 0.03, bounds.Seconds / 1.25 + 0.03);
        // A pure tone's frequency is half its zero-crossing rate.
        var crossings = 0;
        for (var i = 1; i < samples.Length; i++) if (samples[i - 1] < 0 != samples[i] < 0) crossings++;
        var hz = crossings / 2.0 / seconds;
        Assert.InRange(hz, 196, 204);
    }
}
