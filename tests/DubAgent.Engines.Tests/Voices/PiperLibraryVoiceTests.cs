using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Abstractions.Voices;
using DubAgent.Engines.Synthesis;
using DubAgent.Engines.Tests.Diarization;
using DubAgent.Engines.Tests.Synthesis;
using DubAgent.Engines.Voices;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Tests.Voices;

using Translation = DubAgent.Abstractions.Domain.Translation;

/// <summary>
/// synthesize with `piper` and Spanish and English voices present (generated graphs with real-shaped configs): a
/// Spanish step is cast with the Spanish voice, and a voice assigned in the library for Spanish is the one spoken.
/// </summary>
public sealed class PiperLibraryVoiceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"dubagent-piper-library-{Guid.NewGuid():N}");
    private readonly SynthesisTestKit _kit;

    public PiperLibraryVoiceTests()
    {
        _kit = new SynthesisTestKit(new Dictionary<string, string?>
        {
            ["Voices:Directory"] = Path.Combine(_folder, "library"),
            ["Piper:ModelDirectory"] = Path.Combine(_folder, "piper"),
            ["Models:Directory"] = Path.Combine(_folder, "store"),
            ["Models:AutoDownload"] = "false",
        });
    }

    public void Dispose()
    {
        _kit.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private async Task VoicesAsync()
    {
        var piper = Path.Combine(_folder, "piper");
        foreach (var (name, espeak, code) in new[] { ("en_US-lessac-medium", "en-us", "en_US"), ("es_ES-davefx-medium", "es", "es_ES") })
        {
            await TestPiperGraphs.WriteAsync(piper, TestPiperGraphs.Single, name);
            await File.WriteAllTextAsync(Path.Combine(piper, name + ".onnx.json"), TestPiperGraphs.RealShapedConfig(espeak, code, 22050));
        }
    }

    private async Task<PlacementsDocument> DubAsync(string mode, Dictionary<string, string>? actors = null)
    {
        var translation = _kit.PathOf($"translation-{mode}.json");
        await File.WriteAllTextAsync(translation, JsonSerializer.Serialize(new Translation
        {
            SourceLanguage = "en", TargetLanguage = "es", NumSpeakers = 1, TotalDuration = 11.0,
            Segments =
            [
                new TranslatedSegment { Id = "seg_0001", Speaker = "SPEAKER_00", Start = 0.3, End = 5.0, Text = "(source)", TargetText = "Y así, compatriotas," },
                new TranslatedSegment { Id = "seg_0002", Speaker = "SPEAKER_00", Start = 5.5, End = 10.5, Text = "(source)", TargetText = "no preguntéis nada." },
            ],
        }, DubAgentJson.Options));
        var tool = _kit.Services.GetServices<ITool>().Single(t => t.Name == "synthesize");
        var result = (SynthesizeResult)await tool.InvokeAsync(new SynthesizeArguments
        {
            Translation = translation, Engine = "piper", Language = "es", VoiceLibrary = mode, Actors = actors,
            Audio = mode == VoiceLibraryModes.Off ? null : Path.Combine(SpeechFixtures.SharedData, "jfk", "jfk.wav"),
        }, _kit.Context($"synthesize-{mode}"));
        Assert.Equal(2, result.Synthesized);
        return JsonSerializer.Deserialize<PlacementsDocument>(await File.ReadAllTextAsync(result.PlacementsPath), DubAgentJson.Options)!;
    }

    [Fact]
    public async Task A_spanish_step_is_cast_with_the_spanish_voice()
    {
        await VoicesAsync();

        var placements = await DubAsync(VoiceLibraryModes.Off);

        Assert.Equal(("es_ES-davefx-medium", "automatic"), (placements.Cast.Single().Voice, placements.Cast.Single().Source));
    }

    [Fact]
    public async Task A_voice_assigned_in_the_library_for_spanish_is_the_one_spoken_and_an_absent_one_names_its_pull_command()
    {
        await VoicesAsync();
        var library = _kit.Services.GetRequiredService<IVoiceLibrary>();
        var assigner = new VoiceAssigner(library, _kit.Services.GetRequiredService<IEngineRegistry>());
        await library.CreateAsync("Ana", null, default);
        var absent = await Assert.ThrowsAsync<InputException>(() =>
            assigner.AssignAsync("Ana", new VoiceAssignment("fr", "piper", "fr_FR-siwis-medium"), default));
        Assert.Contains("dubagent models pull piper-fr_FR-siwis-medium && dubagent models pull piper-fr_FR-siwis-medium-config", absent.Hint);

        var english = await Assert.ThrowsAsync<InputException>(() =>
            assigner.AssignAsync("Ana", new VoiceAssignment("es", "piper", "en_US-lessac-medium"), default));
        Assert.Contains("speaks en", english.Message);
        Assert.Contains("not 'es'", english.Message);
        Assert.Equal("Use one of: es_ES-davefx-medium.", english.Hint);

        await assigner.AssignAsync("Ana", new VoiceAssignment("es", "piper", "ES_es-DAVEFX-medium"), default);
        var placements = await DubAsync(VoiceLibraryModes.Match, new Dictionary<string, string> { ["SPEAKER_00"] = "Ana" });

        var cast = Assert.Single(placements.Cast);
        Assert.Equal(("es_ES-davefx-medium", "library", "assigned"), (cast.Voice, cast.Source, cast.LibraryVoice!));
    }
}
