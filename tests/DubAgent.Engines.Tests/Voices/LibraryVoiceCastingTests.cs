using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Tools;
using DubAgent.Abstractions.Voices;
using DubAgent.Engines.Synthesis;
using DubAgent.Engines.Tests.Diarization;
using DubAgent.Engines.Tests.Synthesis;
using DubAgent.Engines.Tests.Synthesis.ElevenLabs;
using DubAgent.Engines.Synthesis.ElevenLabs;
using DubAgent.Engines.Voices;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Tests.Voices;

using Translation = DubAgent.Abstractions.Domain.Translation;

/// <summary>
/// synthesize with the voice library: a known actor's voice is what the engine speaks with, a cloned voice through the
/// engine that cloned it, and an assignment's rate and pitch reach the engine.
/// </summary>
public sealed class LibraryVoiceCastingTests : IDisposable
{
    private const string Key = "xi-test-key";
    private readonly ElevenLabsContractServer _server = new(Key);
    private readonly SynthesisTestKit _kit;

    public LibraryVoiceCastingTests()
    {
        var library = Path.Combine(Path.GetTempPath(), $"dubagent-library-{Guid.NewGuid():N}");
        _kit = new SynthesisTestKit(new Dictionary<string, string?>
        {
            ["Voices:Directory"] = library,
            ["ElevenLabs:ApiKey"] = Key,
            ["ElevenLabs:BaseUrl"] = _server.BaseUrl,
            ["ElevenLabs:OutputFormat"] = "pcm_16000",
        });
    }

    public void Dispose()
    {
        var library = _kit.Services.GetRequiredService<IVoiceLibrary>().Directory;
        _server.Dispose();
        _kit.Dispose();
        if (Directory.Exists(library)) Directory.Delete(library, recursive: true);
    }

    private static string Jfk => Path.Combine(SpeechFixtures.SharedData, "jfk", "jfk.wav");

    private IVoiceLibrary Library => _kit.Services.GetRequiredService<IVoiceLibrary>();

    private async Task<(SynthesizeResult Result, PlacementsDocument Placements)> DubAsync(string engine)
    {
        var translation = _kit.PathOf($"translation-{engine}.json");
        File.WriteAllText(translation, JsonSerializer.Serialize(new Translation
        {
            SourceLanguage = "en", TargetLanguage = "es", NumSpeakers = 1, TotalDuration = 11.0,
            Segments =
            [
                new TranslatedSegment { Id = "seg_0001", Speaker = "SPEAKER_00", Start = 0.3, End = 5.0, Text = "(source)", TargetText = "Y así, compatriotas americanos," },
                new TranslatedSegment { Id = "seg_0002", Speaker = "SPEAKER_00", Start = 5.5, End = 10.5, Text = "(source)", TargetText = "no preguntéis qué puede hacer vuestro país por vosotros." },
            ],
        }, DubAgentJson.Options));
        var tool = _kit.Services.GetServices<ITool>().Single(t => t.Name == "synthesize");
        var result = (SynthesizeResult)await tool.InvokeAsync(new SynthesizeArguments
        {
            Translation = translation, Audio = Jfk, Engine = engine, Language = "es", VoiceLibrary = VoiceLibraryModes.Match,
            Actors = new Dictionary<string, string> { ["SPEAKER_00"] = "Ana" },
        }, _kit.Context($"synthesize-{engine}"));
        return (result, JsonSerializer.Deserialize<PlacementsDocument>(File.ReadAllText(result.PlacementsPath), DubAgentJson.Options)!);
    }

    private async Task CreateAnaAsync()
    {
        await Library.CreateAsync("Ana", null, default);
        await Library.AddConsentAsync("Ana", new ConsentRecord("Ana", "I agree.", DateTimeOffset.UtcNow, ["00"]), default);
    }

    [Fact]
    public async Task An_actor_cloned_on_elevenlabs_is_spoken_with_the_cloned_voice_id_in_any_language()
    {
        await CreateAnaAsync();
        var consent = (await Library.FindAsync("Ana", default))!.Consents[0];
        await Library.AddClonedVoiceAsync("Ana", new ClonedVoice("elevenlabs", "clone0042abcdefghijklmn", consent, DateTimeOffset.UtcNow), default);
        // The clone exists at the engine (as after `voices create --engine elevenlabs`).
        var id = await _kit.Services.GetRequiredService<ElevenLabsSynthesizer>().CloneAsync("Ana", [Jfk], consent, default);
        await Library.AddClonedVoiceAsync("Ana", new ClonedVoice("elevenlabs", id, consent, DateTimeOffset.UtcNow.AddSeconds(1)), default);

        var (result, placements) = await DubAsync("elevenlabs");

        var cast = Assert.Single(placements.Cast);
        Assert.Equal(("Ana", "named", "library", "cloned", id), (cast.Actor!, cast.ActorMatch!, cast.Source, cast.LibraryVoice!, cast.Voice));
        Assert.Equal(2, _server.Spoken.Count);
        Assert.All(_server.Spoken, s => Assert.Equal(id, s.VoiceId));
        Assert.Equal(2, result.Synthesized);
        Assert.True(File.Exists(result.VoicePath));
    }

    [Fact]
    public async Task Without_the_library_a_speaker_is_never_given_someone_elses_cloned_voice()
    {
        await CreateAnaAsync();
        var consent = (await Library.FindAsync("Ana", default))!.Consents[0];
        var id = await _kit.Services.GetRequiredService<ElevenLabsSynthesizer>().CloneAsync("Ana", [Jfk], consent, default);
        await Library.AddClonedVoiceAsync("Ana", new ClonedVoice("elevenlabs", id, consent, DateTimeOffset.UtcNow), default);
        var translation = _kit.PathOf("translation-two.json");
        File.WriteAllText(translation, JsonSerializer.Serialize(new Translation
        {
            SourceLanguage = "en", TargetLanguage = "es", NumSpeakers = 2, TotalDuration = 11.0,
            Segments =
            [
                new TranslatedSegment { Id = "seg_0001", Speaker = "SPEAKER_00", Start = 0.3, End = 5.0, Text = "(source)", TargetText = "Hola." },
                new TranslatedSegment { Id = "seg_0002", Speaker = "SPEAKER_01", Start = 5.5, End = 10.5, Text = "(source)", TargetText = "Adiós." },
            ],
        }, DubAgentJson.Options));
        var tool = _kit.Services.GetServices<ITool>().Single(t => t.Name == "synthesize");

        var result = (SynthesizeResult)await tool.InvokeAsync(new SynthesizeArguments { Translation = translation, Engine = "elevenlabs", Language = "es" },
            _kit.Context("synthesize-off"));

        Assert.Equal(2, result.Synthesized);
        Assert.All(result.Cast.Values, voice => Assert.NotEqual(id, voice));
        Assert.DoesNotContain(_server.Spoken, s => s.VoiceId == id);
    }

    [Fact]
    public async Task A_clone_the_engine_no_longer_has_is_noted_and_the_speaker_cast_anew()
    {
        await CreateAnaAsync();
        var consent = (await Library.FindAsync("Ana", default))!.Consents[0];
        await Library.AddClonedVoiceAsync("Ana", new ClonedVoice("elevenlabs", "deleted-at-elevenlabs", consent, DateTimeOffset.UtcNow), default);

        var (_, placements) = await DubAsync("elevenlabs");

        var cast = Assert.Single(placements.Cast);
        Assert.Equal(ElevenLabsContractServer.PremadeVoice, cast.Voice);
        Assert.Null(cast.LibraryVoice);
        Assert.All(_server.Spoken, s => Assert.Equal(ElevenLabsContractServer.PremadeVoice, s.VoiceId));
    }

    [Fact]
    public async Task An_assignments_rate_and_pitch_reach_espeak_ng_and_change_the_clip()
    {
        await CreateAnaAsync();
        await Library.AssignAsync("Ana", new VoiceAssignment("es", "espeak-ng", "male-mid"), default);
        var (plain, plainPlacements) = await DubAsync("espeak-ng");
        await Library.AssignAsync("Ana", new VoiceAssignment("es", "espeak-ng", "male-mid", Rate: 1.4, Pitch: 4), default);

        var (faster, placements) = await DubAsync("espeak-ng");

        var cast = Assert.Single(placements.Cast);
        Assert.Equal(("male-mid", "assigned", (double?)1.4, (double?)4.0), (cast.Voice, cast.LibraryVoice, cast.Rate, cast.Pitch));
        Assert.Equal(2, faster.Synthesized); // new clips: rate and pitch are part of the clip cache key
        var before = plainPlacements.Placements.Sum(p => p.ClipSeconds);
        var after = placements.Placements.Sum(p => p.ClipSeconds);
        Assert.InRange(before / after, 1.2, 1.6);
    }
}
