using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Engines.Synthesis;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Tests.Synthesis;

using Translation = DubAgent.Abstractions.Domain.Translation;

/// <summary>synthesize's preflight and its language check with the real espeak-ng (piper and openai are not configured here).</summary>
public sealed class SynthesizePreflightTests : IDisposable
{
    private readonly SynthesisTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private ITool Tool => _kit.Services.GetServices<ITool>().Single(t => t.Name == "synthesize");

    private Task Preflight(JsonObject arguments) => ((IPreflightTool)Tool).PreflightAsync(arguments, _kit.Services, CancellationToken.None);

    [Fact]
    public async Task A_language_no_voice_here_speaks_is_refused_as_bad_input_listing_the_spoken_ones()
    {
        var error = await Assert.ThrowsAsync<InputException>(() => Preflight(new JsonObject { ["language"] = "zu" }));
        Assert.Equal("input", error.Kind);
        Assert.Contains("Cannot speak with 'espeak-ng'", error.Message);
        Assert.Contains("no voice here speaks 'zu'", error.Message);
        Assert.Matches(@"spoken: af, am, .*\bes\b.* and \d+ more", error.Message);
        Assert.Contains("piper", error.Hint);
        Assert.Contains("openai", error.Hint);
    }

    [Theory]
    [InlineData("es")]
    [InlineData("ja")]
    [InlineData("pt-BR")]
    public async Task Languages_espeak_speaks_pass(string language) => await Preflight(new JsonObject { ["language"] = language });

    [Fact]
    public async Task Without_a_language_only_the_engine_and_the_cast_are_checked()
    {
        await Preflight(new JsonObject());
        await Preflight(new JsonObject { ["translation"] = null, ["voices"] = new JsonObject { ["SPEAKER_00"] = "male-low" } });
        var voice = await Assert.ThrowsAsync<InputException>(() =>
            Preflight(new JsonObject { ["voices"] = new JsonObject { ["SPEAKER_00"] = "nobody" } }));
        Assert.Contains("Unknown voice 'nobody'", voice.Message);
        var piper = await Assert.ThrowsAsync<EngineUnavailableException>(() => Preflight(new JsonObject { ["engine"] = "piper", ["language"] = "es" }));
        Assert.Equal("piper", piper.Engine);
    }

    [Fact]
    public async Task The_tool_refuses_an_unspoken_translation_before_making_any_clip()
    {
        var path = _kit.PathOf("translation.json");
        var translation = new Translation
        {
            SourceLanguage = "en", TargetLanguage = "zu", NumSpeakers = 1, TotalDuration = 3,
            Segments = [new TranslatedSegment { Id = "seg_0001", Speaker = "SPEAKER_00", Start = 0.5, End = 2, Text = "Hello", TargetText = "Sawubona" }],
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(translation, DubAgentJson.Options));
        var context = _kit.Context();
        var error = await Assert.ThrowsAsync<InputException>(() => Tool.InvokeAsync(new SynthesizeArguments { Translation = path }, context));
        Assert.Contains("'zu'", error.Message);
        Assert.False(File.Exists(Path.Combine(context.WorkDirectory, SynthesizeTool.VoiceFile)));
    }
}
