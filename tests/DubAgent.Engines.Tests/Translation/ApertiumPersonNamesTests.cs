using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Core.Processes;
using DubAgent.Engines.Translation.Apertium;

namespace DubAgent.Engines.Tests.Translating;

/// <summary>Surnames that are also common words stay as written through the real apertium (eng-spa).</summary>
public sealed class ApertiumPersonNamesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dubagent-names-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_capitalized_common_word_after_a_first_name_is_a_surname()
    {
        const string tagged = "^John/John<np><ant><m><sg>$ ^Smith/Smith<np><cog><sg>$ ^and/and<cnjcoo>$ ^Mary/Mary<np><ant><f><sg>$ "
            + "^Baker/Baker<n><sg>$ ^met/meet<vblex><pp>$ ^Tom/Tom<np><ant><m><sg>$^,/,<cm>$ ^Cook/Cook<n><sg>$ ^the/the<det><def><sp>$ "
            + "^Ann/Ann<np><ant><f><sg>$ ^bakers/baker<n><pl>$^./.<sent>$";
        // Smith is a name already; "Cook" follows a comma, not the name; "bakers" is not capitalized.
        Assert.Equal(["Baker"], ApertiumPersonNames.Surnames(tagged));
    }

    [Fact]
    public async Task Mary_Baker_keeps_her_name_in_spanish()
    {
        var transcript = new Transcript
        {
            Language = "en", NumSpeakers = 1, TotalDuration = 6,
            Segments =
            [
                new TranscriptSegment { Id = TranscriptSegment.IdFor(0), Start = 0, End = 3, Text = "Mary Baker met John at the station." },
                new TranscriptSegment { Id = TranscriptSegment.IdFor(1), Start = 3, End = 6, Text = "The baker sells bread." },
            ],
        };
        var found = await new ApertiumPersonNames(new ProcessRunner())
            .FindAsync(new ApertiumPair("eng-spa", "en", "es", null), transcript.Segments.Select(s => s.Text).ToList(), CancellationToken.None);
        Assert.Equal(["Baker"], found);

        var translation = await new ApertiumTranslator(new ProcessRunner())
            .TranslateAsync(new TranslationRequest(transcript, "es"), new EngineContext { WorkDirectory = _folder });
        Assert.Contains("Mary Baker", translation.Segments[0].TargetText);
        Assert.Contains("panadero", translation.Segments[1].TargetText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_pair_without_a_readable_mode_finds_no_names()
    {
        var names = new ApertiumPersonNames(new ProcessRunner()) { ModesDirectory = _folder };
        Assert.Empty(await names.FindAsync(new ApertiumPair("eng-spa", "en", "es", null), ["Mary Baker"], CancellationToken.None));
    }
}
