using DubAgent.Core.Processes;
using DubAgent.Engines.Separation.Mdx;

namespace DubAgent.Engines.Tests.Separation.Mdx;

/// <summary>
/// The tensor the models get must be laid out as UVR's torch code lays it out (channel order, real and imaginary
/// planes, bins, frames, silenced lowest bins); a round trip cannot tell, so it is checked against numpy doing what
/// torch.stft(center=True, reflect padding, periodic Hann) does.
/// </summary>
public sealed class MdxSpectrogramTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"dubagent-mdxstft-{Guid.NewGuid():N}");

    public MdxSpectrogramTests() => Directory.CreateDirectory(_folder);

    private const string Reference = """
        import sys
        import numpy as np
        path, out, n_fft, hop, bins, frames = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:7])
        window = hop * (frames - 1)
        x = np.fromfile(path, dtype=np.float32).reshape(2, window).astype(np.float64)
        hann = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n_fft) / n_fft)
        planes = []
        for channel in x:
            padded = np.pad(channel, n_fft // 2, mode="reflect")
            spectrum = np.stack([np.fft.rfft(padded[t * hop:t * hop + n_fft] * hann) for t in range(frames)], axis=1)[:bins]
            spectrum[:3] = 0
            planes += [spectrum.real, spectrum.imag]
        np.asarray(planes, dtype=np.float32).tofile(out)
        """;

    [Fact]
    public async Task The_tensor_matches_torch_s_stft_as_uvr_lays_it_out()
    {
        var layout = new MdxLayout(7680, 1024, 3072, 256, 1.0);
        var stereo = TestSignals.Partials(MdxLayout.SampleRate, layout.WindowSamples, 40, 15_000, seed: 11);
        var signal = Path.Combine(_folder, "window.f32");
        var expectedPath = Path.Combine(_folder, "expected.f32");
        await using (var file = File.Create(signal))
            foreach (var channel in stereo)
                file.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(channel.AsSpan()));
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var run = await new ProcessRunner().RunAsync(new ProcessRequest(python,
            ["-c", Reference, signal, expectedPath, "7680", "1024", "3072", "256"]), CancellationToken.None);
        Assert.True(run.Succeeded, $"the numpy reference failed (python3-numpy comes with python3-onnx): {run.StderrTail}");
        var expected = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(expectedPath)).ToArray();

        var tensor = new float[layout.TensorLength];
        new MdxSpectrogram(layout).Analyze(stereo, tensor);

        Assert.Equal(expected.Length, tensor.Length);
        var scale = expected.Max(Math.Abs);
        var worst = expected.Zip(tensor, (e, t) => Math.Abs(e - t)).Max();
        Assert.True(worst < 1e-4 * scale, $"largest difference {worst} against a largest value {scale}");
    }

    [Fact]
    public void Synthesis_inverts_analysis_inside_the_window_even_though_the_hop_does_not_divide_the_frame()
    {
        var layout = new MdxLayout(7680, 1024, 3072, 256, 1.0);
        var stereo = TestSignals.Partials(MdxLayout.SampleRate, layout.WindowSamples, 200, 8_000, seed: 12);
        var spectrogram = new MdxSpectrogram(layout);
        var tensor = new float[layout.TensorLength];
        float[][] back = [new float[layout.WindowSamples], new float[layout.WindowSamples]];

        spectrogram.Analyze(stereo, tensor);
        spectrogram.Synthesize(tensor, back);

        // Inside: away from the frames that reach the reflection padding, as the windowed separator keeps it.
        for (var c = 0; c < 2; c++)
        {
            var sdr = TestSignals.Sdr(stereo[c], back[c], layout.EdgeSamples, layout.WindowSamples - layout.EdgeSamples);
            Assert.True(sdr > 60, $"channel {c}: SDR {sdr:0.0} dB");
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
