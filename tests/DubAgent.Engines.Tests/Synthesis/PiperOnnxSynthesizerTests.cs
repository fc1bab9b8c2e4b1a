using DubAgent.Abstractions.Engines;
using DubAgent.Core.Media;
using DubAgent.Engines.Synthesis;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Tests.Synthesis;

/// <summary>
/// The in-process `piper` engine against generated graphs with a Piper voice's real input/output names and shapes,
/// and its phonemes against espeak-ng's own IPA.
/// </summary>
public sealed class PiperOnnxSynthesizerTests : IDisposable
{
    private readonly PiperVoiceFolder _folder = new();

    private string Folder => _folder.Path;

    public void Dispose() => _folder.Dispose();

    private SynthesisTestKit Kit() => _folder.Kit();

    private Task Voice(string name, string kind, string espeak, string language, int rate, int speakers = 1) =>
        _folder.AddAsync(name, kind, TestPiperGraphs.Config(espeak, language, rate, speakers));

    private static Task<string> EspeakIpa(string text, string voice) => PiperVoiceFolder.EspeakIpa(text, voice);

    [Fact]
    public async Task Phonemes_are_espeak_ngs_own_ipa_per_clause_with_its_punctuation_and_sentences_apart()
    {
        using var kit = Kit();
        var phonemizer = kit.Services.GetRequiredService<EspeakPhonemizer>();

        var sentences = await phonemizer.PhonemizeAsync("Hola, ¿qué tal? Buenos días.", "es", CancellationToken.None);

        Assert.Equal(
            [$"{await EspeakIpa("Hola", "es")}, {await EspeakIpa("¿qué tal", "es")}?", $"{await EspeakIpa("Buenos días", "es")}."],
            sentences);
        Assert.Contains("ˈola", sentences[0]);
    }

    [Fact]
    public void Phoneme_ids_follow_piper_phonemize_start_pad_end()
    {
        var map = new Dictionary<string, long[]> { ["_"] = [0], ["^"] = [1], ["$"] = [2], ["a"] = [5], ["ˈ"] = [7], ["ã"] = [9], ["\u0303"] = [11] };

        var ids = PiperPhonemeIds.For("ˈaxã", map, out var missing);

        // "ã" decomposes (NFD) into a + combining tilde; "x" is not in the map.
        Assert.Equal([1, 0, 7, 0, 5, 0, 5, 0, 11, 0, 2], ids);
        Assert.Equal(1, missing);
    }

    [Fact]
    public async Task A_voice_is_listed_and_speaks_its_phoneme_ids_through_the_model_with_the_configs_scales()
    {
        await Voice("es_ES-test-medium", TestPiperGraphs.Single, "es", "es_ES", 22050);
        using var kit = Kit();
        var engine = kit.Services.GetRequiredService<PiperOnnxSynthesizer>();

        Assert.True((await engine.CheckAsync(CancellationToken.None)).Available);
        var voice = Assert.Single(await engine.ListVoicesAsync(CancellationToken.None));
        Assert.Equal(("es_ES-test-medium", "es-ES"), (voice.Name, voice.Languages.Single()));

        var output = Path.Combine(Folder, "clip.wav");
        await engine.SynthesizeAsync(new SpeechRequest("Hola. Buenos días.", "es", "es_ES-test-medium", output), new EngineContext { WorkDirectory = Folder });

        var (format, samples) = WavReader.ReadAll(output);
        Assert.Equal(22050, format.SampleRate);
        var map = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "es_ES-test-medium.onnx.json")))
            .RootElement.GetProperty("phoneme_id_map").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetInt64()).ToArray());
        var first = PiperPhonemeIds.For(await EspeakIpa("Hola", "es") + ".", map, out var missing1);
        var second = PiperPhonemeIds.For(await EspeakIpa("Buenos días", "es") + ".", map, out var missing2);
        Assert.Equal((0, 0), (missing1, missing2));
        var gap = (int)(0.2 * 22050);
        Assert.Equal((first.Length + second.Length) * TestPiperGraphs.SamplesPerId + gap, samples.Length);
        // Each id held for 100 samples, scaled by the length scale then peak-normalised: the ratios are the ids' ratios.
        var held = first.Concat(second).ToArray();
        var largest = held.Max();
        var heard = Enumerable.Range(0, first.Length).Select(i => samples[i * TestPiperGraphs.SamplesPerId + 50])
            .Concat(Enumerable.Range(0, second.Length).Select(i => samples[first.Length * TestPiperGraphs.SamplesPerId + gap + i * TestPiperGraphs.SamplesPerId + 50])).ToArray();
        for (var i = 0; i < held.Length; i++) Assert.Equal(0.98 * held[i] / largest, heard[i], 0.002);
    }

    [Fact]
    public async Task A_multi_speaker_voice_gets_its_speaker_id_and_the_rate_shortens_the_length_scale()
    {
        await Voice("en_US-multi-medium", TestPiperGraphs.Multi, "en-us", "en_US", 16000, speakers: 3);
        using var kit = Kit();
        var engine = kit.Services.GetRequiredService<PiperOnnxSynthesizer>();
        Assert.Equal(["en_US-multi-medium:spk0", "en_US-multi-medium:spk1", "en_US-multi-medium:spk2"],
            (await engine.ListVoicesAsync(CancellationToken.None)).Select(v => v.Name));

        var output = Path.Combine(Folder, "multi.wav");
        await engine.SynthesizeAsync(new SpeechRequest("Hi", "en", "en_US-multi-medium:spk2", output, new Dictionary<string, string> { ["rate"] = "1.5" }),
            new EngineContext { WorkDirectory = Folder });

        // output = id × (length scale 1.5 / rate 1.5) + 1000 × speaker 2, then peak-normalised.
        var (_, samples) = WavReader.ReadAll(output);
        var map = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "en_US-multi-medium.onnx.json")))
            .RootElement.GetProperty("phoneme_id_map").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetInt64()).ToArray());
        var ids = PiperPhonemeIds.For(await EspeakIpa("Hi", "en-us"), map, out _);
        Assert.Equal(ids.Length * TestPiperGraphs.SamplesPerId, samples.Length);
        var top = ids.Max() + 2000.0;
        for (var i = 0; i < ids.Length; i++) Assert.Equal(0.98 * (ids[i] + 2000) / top, samples[i * TestPiperGraphs.SamplesPerId + 50], 0.0005);
    }

    [Fact]
    public async Task Without_a_voice_it_is_unavailable_and_names_the_models_pull_command()
    {
        Directory.CreateDirectory(Folder);
        using var kit = Kit();
        var status = await kit.Services.GetRequiredService<PiperOnnxSynthesizer>().CheckAsync(CancellationToken.None);

        Assert.False(status.Available);
        Assert.Contains("dubagent models pull piper-en_US-lessac-medium", status.InstallHint);
    }
}
