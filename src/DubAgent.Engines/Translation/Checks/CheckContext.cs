using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;

namespace DubAgent.Engines.Translation.Checks;

/// <summary>
/// What the checks answer from: the transcript, the target language, each speaker's pace and profile, the term
/// rules, and the lines translated so far. The planner fills in translations as windows finish; the checks read.
/// </summary>
public sealed class CheckContext
{
    private readonly Dictionary<string, int> _index;
    private readonly IReadOnlyList<TranscriptSegment> _segments;
    private readonly IReadOnlyDictionary<string, double> _paces;
    private readonly Dictionary<string, string> _translated = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);
    private IReadOnlyList<SpeakerProfile> _profiles = [];

    public CheckContext(TranslationRequest request)
    {
        _segments = request.Transcript.Segments;
        _index = _segments.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        _paces = SpeakerPace.Measure(request.Transcript);
        TargetLanguage = request.TargetLanguage;
        Terms = new TermRules(request.Glossary, request.DoNotTranslate);
    }

    public string TargetLanguage { get; }

    public TermRules Terms { get; }

    /// <summary>Function calls the model made, by function name.</summary>
    public IReadOnlyDictionary<string, int> Calls => _calls;

    public int TotalCalls => _calls.Values.Sum();

    public IReadOnlyList<SpeakerProfile> Profiles
    {
        get => _profiles;
        set => _profiles = value;
    }

    public void Count(string function)
    {
        lock (_calls) _calls[function] = _calls.GetValueOrDefault(function) + 1;
    }

    /// <summary>The segment with this id; an unknown id is an error the model reads (and corrects).</summary>
    public TranscriptSegment Segment(string id) =>
        _index.TryGetValue(id?.Trim() ?? "", out var i)
            ? _segments[i]
            : throw new ArgumentException($"There is no segment '{id}'. Use an id from the request, such as {_segments.FirstOrDefault()?.Id}.");

    public double PaceOf(string? speaker) => _paces.GetValueOrDefault(speaker ?? "", 1.0);

    public SpeakerProfile? ProfileOf(string? speaker) => _profiles.FirstOrDefault(p => p.Speaker == (speaker ?? "SPEAKER"));

    public void Translated(string id, string text)
    {
        lock (_translated) _translated[id] = text;
    }

    public IReadOnlyList<NeighbourLine> Around(string id, int around)
    {
        var i = _index.TryGetValue(id?.Trim() ?? "", out var found) ? found : throw new ArgumentException($"There is no segment '{id}'.");
        lock (_translated)
            return _segments.Skip(Math.Max(0, i - around)).Take(Math.Min(i, around) + 1 + around)
                .Select(s => new NeighbourLine(s.Id, s.Speaker, s.Text, _translated.GetValueOrDefault(s.Id))).ToList();
    }
}
