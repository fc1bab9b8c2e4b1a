using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Processes;
using DubAgent.Engines.Translation.Apertium;

// Not "...Tests.Translation": that namespace would shadow the Translation record in sibling test folders.
namespace DubAgent.Engines.Tests.Translating;

/// <summary>The real apertium with Debian's eng-spa pair, on the demo-like dialogue.</summary>
public sealed class ApertiumTranslatorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dubagent-apertium-").FullName;
    private readonly ApertiumTranslator _apertium = new(new ProcessRunner());

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Finds_the_installed_pairs_and_maps_them_to_iso_639_1()
    {
        var status = await _apertium.CheckAsync(CancellationToken.None);
        Assert.True(status.Available, status.Detail);
        var pairs = await _apertium.PairsAsync(CancellationToken.None);
        Assert.Contains(pairs, p => p is { Mode: "eng-spa", Source: "en", Target: "es", Variant: null });
        Assert.True(await _apertium.SupportsAsync("en", "es", CancellationToken.None));
        Assert.False(await _apertium.SupportsAsync("en", "ja", CancellationToken.None));
    }

    [Fact]
    public async Task Translates_english_to_spanish_segment_by_segment_with_budgets()
    {
        var transcript = DialogueFixture.Transcript();
        var translation = await _apertium.TranslateAsync(new TranslationRequest(transcript, "es"), new EngineContext { WorkDirectory = _folder });

        Assert.Equal("apertium", translation.Engine);
        Assert.Equal(transcript.Segments.Select(s => (s.Id, s.Speaker, s.Start, s.End, s.Text)),
            translation.Segments.Select(s => (s.Id, s.Speaker, s.Start, s.End, s.Text)));
        Assert.Contains("mapa", translation.Segments[0].TargetText);
        Assert.Contains("paraguas", translation.Segments[6].TargetText);
        Assert.Contains("lago", translation.Segments[9].TargetText);
        Assert.All(translation.Segments, s =>
        {
            Assert.NotEqual(s.Text, s.TargetText);
            Assert.Equal(Math.Round(s.End - s.Start, 3), s.BudgetSeconds);
            Assert.Equal(Math.Round(s.BudgetSeconds * 7.82, 1), s.BudgetSyllables, 1);
            Assert.True(s.EstimatedSeconds > 0);
            Assert.Equal(Math.Round(s.EstimatedSeconds / s.BudgetSeconds, 2), s.FitRatio, 2);
            Assert.NotNull(s.Tone);
        });
        Assert.Equal("questioning", translation.Segments[0].Tone);
    }

    [Fact]
    public async Task Keeps_do_not_translate_names_and_uses_the_glossary()
    {
        var transcript = DialogueFixture.Transcript() with
        {
            Segments = [DialogueFixture.Transcript().Segments[0] with { Text = "Hope said the Red Lake is closed, so bring the umbrellas." }],
        };
        var request = new TranslationRequest(transcript, "es",
            Glossary: new Dictionary<string, string> { ["umbrellas"] = "sombrillas" },
            DoNotTranslate: ["Hope", "Red Lake"]);
        var line = (await _apertium.TranslateAsync(request, new EngineContext { WorkDirectory = _folder })).Segments.Single().TargetText;

        Assert.Contains("Hope", line);
        Assert.Contains("Red Lake", line);
        Assert.Contains("sombrillas", line);
        Assert.DoesNotContain("paraguas", line);
        Assert.DoesNotContain("Zqx", line);
    }

    [Fact]
    public async Task Empty_and_multi_line_segments_keep_their_places()
    {
        var source = DialogueFixture.Transcript();
        var segments = source.Segments.Take(3).ToList();
        segments[1] = segments[1] with { Text = "" };
        segments[2] = segments[2] with { Text = "Great.\n\nWe should leave\nbefore the rain starts." };
        var translation = await _apertium.TranslateAsync(new TranslationRequest(source with { Segments = segments }, "es"),
            new EngineContext { WorkDirectory = _folder });

        Assert.Equal(3, translation.Segments.Count);
        Assert.Equal("", translation.Segments[1].TargetText);
        Assert.Contains("lluvia", translation.Segments[2].TargetText);
        Assert.Contains("mapa", translation.Segments[0].TargetText);
    }

    [Fact]
    public async Task When_a_boundary_is_lost_the_batch_is_halved_until_the_count_comes_back()
    {
        var runner = new BoundaryEatingRunner(new ProcessRunner());
        var apertium = new ApertiumTranslator(runner);
        var transcript = DialogueFixture.Transcript();
        var translation = await apertium.TranslateAsync(new TranslationRequest(transcript, "es"), new EngineContext { WorkDirectory = _folder });

        Assert.Equal(12, translation.Segments.Count);
        Assert.Contains("mapa", translation.Segments[0].TargetText);
        Assert.DoesNotContain("bolso", translation.Segments[0].TargetText);
        Assert.Contains("bolso", translation.Segments[1].TargetText);
        Assert.Equal(1 + 2, runner.Translations); // the joined run, then each half once
    }

    /// <summary>The real runner, except that the first translation run loses one paragraph break in its output.</summary>
    private sealed class BoundaryEatingRunner(IProcessRunner inner) : IProcessRunner
    {
        public int Translations { get; private set; }

        public async Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
        {
            var result = await inner.RunAsync(request, cancellationToken);
            if (request.Program != "apertium" || request.StandardInput is null) return result; // not the name tagger's stages
            if (++Translations > 1) return result;
            var broken = result.StandardOutput.Trim();
            var cut = broken.IndexOf("\n\n", StringComparison.Ordinal);
            return result with { StandardOutput = broken[..cut] + " " + broken[(cut + 2)..] };
        }
    }

    [Fact]
    public async Task A_pair_that_is_not_installed_is_a_missing_package_not_bad_input()
    {
        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() =>
            _apertium.TranslateAsync(new TranslationRequest(DialogueFixture.Transcript(), "ja"), new EngineContext { WorkDirectory = _folder }));
        Assert.Contains("en -> ja", error.Message);
        Assert.Contains("eng-spa", error.Message);
    }

    [Theory]
    [InlineData("eng-spa", "en", "es", null)]
    [InlineData("spa-eng_US", "es", "en", "US")]
    [InlineData("en-es", "en", "es", null)]
    [InlineData("cat-fra", "ca", "fr", null)]
    public void Parses_mode_names(string mode, string source, string target, string? variant)
    {
        var pair = ApertiumPair.Parse(mode);
        Assert.Equal(new ApertiumPair(mode, source, target, variant), pair);
    }

    [Theory]
    [InlineData("eng-spa-tagger")]
    [InlineData("xyz-abc")]
    [InlineData("nonsense")]
    public void Ignores_modes_that_are_not_translation_directions(string mode) => Assert.Null(ApertiumPair.Parse(mode));
}
