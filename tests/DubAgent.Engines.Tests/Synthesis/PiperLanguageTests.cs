using System.Text.Json.Nodes;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Media;
using DubAgent.Engines.Languages;
using DubAgent.Engines.Synthesis;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Tests.Synthesis;

/// <summary>
/// The `piper` engine in es, fr, de, pt and it: phonemes against espeak-ng's own IPA, the ONNX plumbing with each
/// language's espeak voice and a real-shaped phoneme map, and which voice a step in a language gets.
/// </summary>
public sealed class PiperLanguageTests : IDisposable
{
    private readonly PiperVoiceFolder _folder = new();

    private string Folder => _folder.Path;

    public void Dispose() => _folder.Dispose();

    private SynthesisTestKit Kit() => _folder.Kit();

    private Task Voice(string name, string espeak, string language, int rate) =>
        _folder.AddAsync(name, TestPiperGraphs.Single, TestPiperGraphs.RealShapedConfig(espeak, language, rate));

    private static Task<string> EspeakIpa(string text, string voice) => PiperVoiceFolder.EspeakIpa(text, voice);

    /// <summary>Each sentence as espeak-ng writes it clause by clause, with the clause's punctuation after it.</summary>
    private static async Task<List<string>> Expected(string espeak, params string[][] sentences)
    {
        var expected = new List<string>();
        foreach (var clauses in sentences)
        {
            var parts = new List<string>();
            foreach (var clause in clauses) parts.Add(await EspeakIpa(clause[..^1], espeak) + clause[^1]);
            expected.Add(string.Join(' ', parts));
        }
        return expected;
    }

    public static TheoryData<string, string, string[][], string> Sentences => new()
    {
        { "es", "Las arenas son blancas, y el mar está tranquilo. ¿Vienes?", [["Las arenas son blancas,", "y el mar está tranquilo."], ["¿Vienes?"]], "aɾˈenas" },
        { "fr", "Bonjour, comment allez-vous? Très bien.", [["Bonjour,", "comment allez-vous?"], ["Très bien."]], "bɔ̃ʒˈuʁ" },
        { "de", "Guten Morgen, wie geht es Ihnen? Danke, gut.", [["Guten Morgen,", "wie geht es Ihnen?"], ["Danke,", "gut."]], "ɡˈuːtən" },
        { "pt-br", "Bom dia, como você está? Muito bem.", [["Bom dia,", "como você está?"], ["Muito bem."]], "dʒˈiæ" },
        { "it", "Buongiorno, come stai? Sto bene, grazie.", [["Buongiorno,", "come stai?"], ["Sto bene,", "grazie."]], "ɡrˈatsje" },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public async Task Phonemes_in_each_language_are_espeak_ngs_own_ipa_per_clause_with_its_punctuation(string espeak, string text, string[][] sentences,
        string heard)
    {
        using var kit = Kit();
        var phonemizer = kit.Services.GetRequiredService<EspeakPhonemizer>();

        var phonemes = await phonemizer.PhonemizeAsync(text, espeak, CancellationToken.None);

        Assert.Equal(await Expected(espeak, sentences), phonemes);
        Assert.Contains(heard, string.Join(' ', phonemes)); // the language's own phonemes, not English read aloud
    }

    [Theory]
    [InlineData("es_ES-test-medium", "es", "es_ES", "Las arenas son blancas, y el mar está tranquilo.")]
    [InlineData("fr_FR-test-medium", "fr", "fr_FR", "Bonjour, comment allez-vous?")]
    [InlineData("de_DE-test-medium", "de", "de_DE", "Guten Morgen, wie geht es Ihnen?")]
    [InlineData("pt_BR-test-medium", "pt-br", "pt_BR", "Bom dia, como você está?")]
    [InlineData("it_IT-test-medium", "it", "it_IT", "Buongiorno, come stai?")]
    public async Task Each_language_speaks_through_the_model_with_its_espeak_voice_and_every_phoneme_in_the_map(string name, string espeak, string code,
        string sentence)
    {
        await Voice(name, espeak, code, 22050);
        using var kit = Kit();
        var engine = kit.Services.GetRequiredService<PiperOnnxSynthesizer>();
        var output = Path.Combine(Folder, "clip.wav");

        await engine.SynthesizeAsync(new SpeechRequest(sentence, code[..2], name, output), new EngineContext { WorkDirectory = Folder });

        var map = TestPiperGraphs.PiperSymbols.Select(c => c.ToString()).Append("\u0303").Select((s, i) => (s, i))
            .ToDictionary(p => p.s, p => new long[] { p.i });
        var clauses = EspeakPhonemizer.Clauses(sentence).ToList();
        var phonemes = new List<string>();
        foreach (var (clause, punctuation) in clauses) phonemes.Add(await EspeakIpa(clause, espeak) + punctuation);
        var ids = PiperPhonemeIds.For(string.Join(' ', phonemes), map, out var missing);
        Assert.Equal(0, missing);
        var (format, samples) = WavReader.ReadAll(output);
        Assert.Equal(22050, format.SampleRate);
        Assert.Equal(ids.Length * TestPiperGraphs.SamplesPerId, samples.Length);
        // Each id held for 100 samples and scaled alike: the clip's levels are the ids in order.
        var largest = ids.Max();
        for (var i = 0; i < ids.Length; i++) Assert.Equal(0.98 * ids[i] / largest, samples[i * TestPiperGraphs.SamplesPerId + 50], 0.002);
    }

    [Fact]
    public void The_catalog_has_a_voice_and_its_config_per_language_each_pinned_and_valid_for_the_model_store()
    {
        var entries = DubAgent.Core.Models.ModelCatalog.With(null, [new PiperVoiceCatalog()]).Where(e => e.Engine == "piper").ToList();

        foreach (var language in new[] { "en", "es", "fr", "de", "pt", "it" })
        {
            var voice = PiperVoiceCatalog.For(language)!;
            var model = Assert.Single(entries, e => e.Id == PiperVoiceCatalog.Prefix + voice.Name);
            var config = Assert.Single(entries, e => e.Id == PiperVoiceCatalog.Prefix + voice.Name + PiperVoiceCatalog.ConfigSuffix);
            Assert.Equal((voice.Name + ".onnx", voice.Name + ".onnx.json"), (model.FileName, config.FileName));
            Assert.EndsWith("/" + model.FileName, model.Url);
            Assert.EndsWith("/" + config.FileName, config.Url);
            if (language == "en") continue;
            // The others: the publisher's size and MD5, at one commit of rhasspy/piper-voices, and no invented licence.
            Assert.All([model, config], e => Assert.Equal("md5+size", e.PinnedBy));
            Assert.All([model, config], e => Assert.StartsWith($"https://huggingface.co/rhasspy/piper-voices/resolve/{PiperVoiceCatalog.Revision}/", e.Url));
            Assert.All([model, config], e => Assert.Equal($"see the voice's MODEL_CARD: {PiperVoiceCatalog.ModelCard(voice)}", e.Licence));
        }
        Assert.Equal("pt_BR-faber-medium", PiperVoiceCatalog.For("pt-BR")!.Name);
        Assert.Null(PiperVoiceCatalog.For("zu"));
    }

    [Fact]
    public async Task With_spanish_and_english_voices_a_spanish_step_is_cast_and_spoken_with_the_catalog_spanish_voice()
    {
        await Voice("en_US-lessac-medium", "en-us", "en_US", 22050);
        await Voice("es_AR-other-medium", "es-419", "es_AR", 16000);
        await Voice("es_ES-davefx-medium", "es", "es_ES", 24000);
        using var kit = Kit();
        var engine = kit.Services.GetRequiredService<PiperOnnxSynthesizer>();
        var voices = await engine.ListVoicesAsync(CancellationToken.None);

        // The catalog's voices come first, so the caster takes davefx for Spanish although es_AR sorts before it.
        var cast = Assert.Single(VoiceCaster.Cast("piper", ["SPEAKER_00"], voices, "es", null, null));
        Assert.Equal("es_ES-davefx-medium", cast.Voice);
        var output = Path.Combine(Folder, "es.wav");
        await engine.SynthesizeAsync(new SpeechRequest("Hola.", "es", cast.Voice, output), new EngineContext { WorkDirectory = Folder });
        Assert.Equal(24000, WavReader.ReadAll(output).Format.SampleRate);

        // The English voice cannot read Spanish: casting it for a Spanish step is refused, naming the Spanish voices.
        var wrong = await Assert.ThrowsAsync<InputException>(() =>
            engine.SynthesizeAsync(new SpeechRequest("Hola.", "es", "en_US-lessac-medium", output), new EngineContext { WorkDirectory = Folder }));
        Assert.Contains("speaks en-US, not 'es'", wrong.Message);
        Assert.Contains("es_ES-davefx-medium or es_AR-other-medium", wrong.Hint);
    }

    [Fact]
    public async Task With_only_english_a_spanish_step_names_the_catalog_spanish_voice_and_its_pull_command()
    {
        await Voice("en_US-lessac-medium", "en-us", "en_US", 22050);
        using var kit = Kit();
        var engine = kit.Services.GetRequiredService<PiperOnnxSynthesizer>();
        const string pull = "dubagent models pull piper-es_ES-davefx-medium && dubagent models pull piper-es_ES-davefx-medium-config";

        var step = await Assert.ThrowsAsync<InputException>(() => engine.SynthesizeAsync(
            new SpeechRequest("Hola.", "es", "en_US-lessac-medium", Path.Combine(Folder, "x.wav")), new EngineContext { WorkDirectory = Folder }));
        Assert.Contains("No piper voice here speaks 'es' (present: en_US-lessac-medium (en-US))", step.Message);
        Assert.Contains(pull, step.Hint);

        // The run is refused before its first step, with the same command.
        var tool = (IPreflightTool)kit.Services.GetServices<ITool>().Single(t => t.Name == "synthesize");
        var preflight = await Assert.ThrowsAsync<InputException>(() =>
            tool.PreflightAsync(new JsonObject { ["engine"] = "piper", ["language"] = "es" }, kit.Services, CancellationToken.None));
        Assert.Contains("no voice here speaks 'es' (spoken: en)", preflight.Message);
        Assert.Contains(pull, preflight.Hint);
        Assert.Equal("onnxruntime/en_US-lessac-medium", (await engine.CheckAsync(CancellationToken.None)).Version);

        // What doctor and list_engines show: the languages its voices speak here, and what a pull adds.
        var rows = (await kit.Services.GetRequiredService<LanguageReach>().SummaryAsync(CancellationToken.None)).Rows().ToDictionary(r => r.What, r => r.Languages);
        Assert.Equal("en", rows["  piper: voices here"]);
        Assert.Contains("es (piper-es_ES-davefx-medium and piper-es_ES-davefx-medium-config)", rows["  piper: with `dubagent models pull`"]);
        Assert.DoesNotContain("en (", rows["  piper: with `dubagent models pull`"]);
    }
}
