using DubAgent.Abstractions.Engines;
using DubAgent.Core.Processes;
using DubAgent.Engines.Translation.Apertium;

namespace DubAgent.Engines.Tests.Translating;

/// <summary>
/// The real apertium with the pairs `./dubagent test` installs (eng-spa, fr-es, es-pt, spa-ita, en-gl): targets with
/// no direct pair from English go through Spanish, and nothing apertium marks reaches the text to speak.
/// </summary>
public sealed class ApertiumPivotTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dubagent-pivot-").FullName;
    private readonly ApertiumTranslator _apertium = new(new ProcessRunner());

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<Abstractions.Domain.Translation> TranslateAsync(string target, Abstractions.Domain.Transcript? transcript = null) =>
        _apertium.TranslateAsync(new TranslationRequest(transcript ?? DialogueFixture.Transcript(), target), new EngineContext { WorkDirectory = _folder });

    [Theory]
    [InlineData("fr", "eng-spa > es-fr")]
    [InlineData("pt", "eng-spa > es-pt")]
    [InlineData("it", "eng-spa > spa-ita")]
    [InlineData("gl", "en-gl")]
    public async Task Each_target_keeps_every_segment_and_records_its_chain(string target, string chain)
    {
        var transcript = DialogueFixture.Transcript();
        var translation = await TranslateAsync(target);

        Assert.Equal(transcript.Segments.Select(s => (s.Id, s.Speaker, s.Start, s.End)),
            translation.Segments.Select(s => (s.Id, s.Speaker, s.Start, s.End)));
        Assert.All(translation.Segments, s =>
        {
            Assert.Equal(chain, s.Chain);
            Assert.False(string.IsNullOrWhiteSpace(s.TargetText));
            Assert.DoesNotMatch(@"[*#@]", s.TargetText);
        });
    }

    [Fact]
    public async Task French_through_spanish_is_french()
    {
        var transcript = DialogueFixture.Transcript() with
        {
            Segments = [DialogueFixture.Transcript().Segments[0] with { Text = "The house is very big and the water is cold." }],
        };
        var line = (await TranslateAsync("fr", transcript)).Segments.Single().TargetText;
        Assert.Contains("maison", line);
        Assert.Contains("eau", line);
    }

    [Fact]
    public async Task Words_apertium_does_not_know_lose_their_marks_and_are_listed_in_the_notes()
    {
        var transcript = DialogueFixture.Transcript() with
        {
            Segments = [DialogueFixture.Transcript().Segments[0] with { Text = "The flibbertigibbet ran to the house." }],
        };
        foreach (var target in new[] { "es", "fr" })
        {
            var segment = (await TranslateAsync(target, transcript)).Segments.Single();
            Assert.Contains("flibbertigibbet", segment.TargetText);
            Assert.DoesNotContain("*", segment.TargetText);
            Assert.Contains(segment.Notes ?? [], n => n.Contains("flibbertigibbet", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_lowercase_english_i_is_translated_not_left_in_the_line()
    {
        var transcript = DialogueFixture.Transcript() with
        {
            Segments = [DialogueFixture.Transcript().Segments[0] with { Text = "i caught it well" }],
        };
        var segment = (await TranslateAsync("es", transcript)).Segments.Single();
        Assert.DoesNotMatch(@"(^|\s)i(\s|$)", segment.TargetText);
        Assert.Null(segment.Notes);
    }
}
