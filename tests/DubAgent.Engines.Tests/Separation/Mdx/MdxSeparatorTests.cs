using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Models;
using DubAgent.Core.Media;
using DubAgent.Core.Registry;
using DubAgent.Engines.Separation;
using DubAgent.Engines.Separation.Mdx;

namespace DubAgent.Engines.Tests.Separation.Mdx;

/// <summary>The `mdx` engine through separate_audio: model store, availability, rates, stems that add up, errors.</summary>
public sealed class MdxSeparatorTests : IDisposable
{
    private readonly SeparationMedia _media = new();

    private (SeparateAudioTool Tool, EngineRegistry Registry, MdxSeparator Engine) Tool(IModelStore? store, params (string, string)[] settings)
    {
        var engine = new MdxSeparator(_media.Media, new StemConformer(_media.Ffmpeg), SeparationMedia.Configuration(settings), store);
        var registry = new EngineRegistry([engine]);
        return (new SeparateAudioTool(registry, _media.Media), registry, engine);
    }

    [Fact]
    public async Task Without_a_model_store_or_without_the_model_it_is_unavailable_with_the_pull_command()
    {
        var none = await Tool(null).Engine.CheckAsync(CancellationToken.None);
        var absent = await Tool(new OneModelStore("silero-vad", "/x/silero.onnx")).Engine.CheckAsync(CancellationToken.None);

        foreach (var status in new[] { none, absent })
        {
            Assert.False(status.Available);
            Assert.StartsWith("dubagent models pull UVR-MDX-NET-Voc_FT", status.InstallHint);
        }
        Assert.Contains("not in the model store", absent.Detail);

        var (tool, _, _) = Tool(null);
        var input = await _media.GenerateAsync("short.wav", "sine=frequency=300:sample_rate=44100:duration=1", "-c:a", "pcm_s16le");
        var refused = await Assert.ThrowsAsync<EngineUnavailableException>(() =>
            tool.InvokeAsync(new SeparateAudioArguments { Input = input, Engine = "mdx" }, _media.Context("none")));
        Assert.Contains("dubagent models pull UVR-MDX-NET-Voc_FT", refused.Hint);
    }

    [Fact]
    public async Task Another_model_is_asked_for_by_the_setting_and_an_unknown_one_is_refused()
    {
        var kim = await Tool(null, ("Mdx:Model", "Kim_Vocal_2")).Engine.CheckAsync(CancellationToken.None);
        Assert.StartsWith("dubagent models pull Kim_Vocal_2", kim.InstallHint);

        var unknown = await Tool(null, ("Mdx:Model", "htdemucs")).Engine.CheckAsync(CancellationToken.None);
        Assert.False(unknown.Available);
        Assert.Contains("UVR-MDX-NET-Voc_FT, Kim_Vocal_2, UVR-MDX-NET-Inst_HQ_3", unknown.InstallHint);
    }

    [Fact]
    public async Task Stems_come_back_at_the_source_rate_and_add_up_to_the_source()
    {
        var graph = await TestMdxGraphs.WriteAsync(_media.PathOf("graphs"), TestMdxGraphs.Identity);
        var (tool, registry, engine) = Tool(new OneModelStore(MdxModels.DefaultId, graph));
        var status = await registry.StatusAsync(engine, CancellationToken.None);
        Assert.True(status.Available);
        Assert.Equal("1.0 UVR-MDX-NET-Voc_FT", status.Version);

        var rate = 48000;
        var source = TestSignals.Partials(rate, 8 * rate, 200, 8_000, seed: 21);
        var input = _media.PathOf("source48.wav");
        WavWriter.WriteAll(input, new AudioFormat(rate, 2, SampleEncoding.Pcm16), TestSignals.Interleave(source));

        var result = await tool.InvokeAsync(new SeparateAudioArguments { Input = input, Engine = "mdx" }, _media.Context("mdx"));

        Assert.Equal("mdx", result.Engine);
        Assert.Contains("UVR-MDX-NET-Voc_FT", result.Note);
        var (_, original) = WavReader.ReadAll(input);
        var (vocalsFormat, vocals) = WavReader.ReadAll(result.Stems["vocals"]);
        var (_, background) = WavReader.ReadAll(result.Stems["background"]);
        Assert.Equal((rate, 2), (vocalsFormat.SampleRate, vocalsFormat.Channels));
        Assert.Equal(original.Length, vocals.Length);
        Assert.Equal(original.Length, background.Length);
        Assert.All(Enumerable.Range(0, original.Length), i => Assert.True(Math.Abs(vocals[i] + background[i] - original[i]) <= 1.5f / 32768));
        // The identity graph gives the source back (times Voc_FT's compensation) through 44.1 kHz and back.
        var expected = original.Select(v => v * 1.021f).ToArray();
        var sdr = TestSignals.Sdr(expected, vocals);
        Assert.True(sdr > 35, $"vocals SDR {sdr:0.0} dB after resampling both ways");
        Assert.Empty(Directory.GetDirectories(_media.PathOf("mdx"), ".mdx-*"));
    }

    [Fact]
    public async Task A_file_that_is_not_the_model_fails_naming_it_and_how_to_check_it()
    {
        var broken = _media.PathOf("UVR-MDX-NET-Voc_FT.onnx");
        await File.WriteAllTextAsync(broken, "not a model");
        var (tool, _, _) = Tool(new OneModelStore(MdxModels.DefaultId, broken));
        var input = await _media.GenerateAsync("short.wav", "sine=frequency=300:sample_rate=44100:duration=1", "-c:a", "pcm_s16le");

        var failed = await Assert.ThrowsAsync<EngineFailedException>(() =>
            tool.InvokeAsync(new SeparateAudioArguments { Input = input, Engine = "mdx" }, _media.Context("broken")));

        Assert.Contains(broken, failed.Message);
        Assert.Contains("dubagent models verify UVR-MDX-NET-Voc_FT", failed.Hint);

        var unknown = await Assert.ThrowsAsync<InputException>(() =>
            tool.InvokeAsync(new SeparateAudioArguments { Input = input, Engine = "mdx", Model = "htdemucs" }, _media.Context("unknown")));
        Assert.Contains("htdemucs", unknown.Message);
    }

    [Fact]
    public void The_catalog_declares_each_model_with_its_checksum_size_and_layout()
    {
        var entries = new MdxCatalogSource().Entries.ToList();
        Assert.Equal(["UVR-MDX-NET-Voc_FT", "Kim_Vocal_2", "UVR-MDX-NET-Inst_HQ_3"], entries.Select(e => e.Id));
        foreach (var entry in entries)
        {
            Assert.Equal("mdx", entry.Engine);
            Assert.Matches("^[0-9a-f]{64}$", entry.Sha256);
            Assert.InRange(entry.Size, 50_000_000, 80_000_000);
            Assert.StartsWith("https://github.com/TRvlvr/model_repo/releases/download/all_public_uvr_models/", entry.Url);
            Assert.EndsWith(entry.FileName, entry.Url);
            var model = MdxModels.Find(entry.Id)!;
            Assert.Equal(1024, model.Layout.Hop);
            Assert.Equal(256, model.Layout.Frames);
            Assert.Same(model, MdxModels.Find(entry.FileName));
        }
        Assert.False(MdxModels.Find("UVR-MDX-NET-Inst_HQ_3")!.OutputIsVocals);
    }

    public void Dispose() => _media.Dispose();
}
