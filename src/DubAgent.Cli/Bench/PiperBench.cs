using System.Diagnostics;
using System.Globalization;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Engines;
using DubAgent.Core.Media;
using DubAgent.Engines.Languages;
using DubAgent.Engines.Synthesis;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The `piper` rows, one per language: the catalog's languages (en, es, fr, de, pt, it) and any other a present voice
/// speaks. Each language's first present voice speaks that language's sentence of shared/data's sentences_8_languages
/// (English: the demo's lines); RTF = synthesis seconds / seconds of speech made. A language without a voice here is
/// a row saying so, with the command that fetches the catalog's voice for it.
/// </summary>
public sealed class PiperBench : IBenchStage
{
    public string Stage => "synthesize";

    public int Order => 61;

    public Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context) => RowsAsync(context, Stage);

    /// <summary>The piper rows under a stage's name (the synthesize and voices stages both show them).</summary>
    public static async Task<IReadOnlyList<BenchRow>> RowsAsync(BenchContext context, string stage)
    {
        var engine = context.Services.GetRequiredService<PiperOnnxSynthesizer>();
        var status = await engine.CheckAsync(context.CancellationToken).ConfigureAwait(false);
        var voices = status.Available ? await engine.ListVoicesAsync(context.CancellationToken).ConfigureAwait(false) : [];
        var languages = PiperVoiceCatalog.Voices.Select(v => v.Language)
            .Concat(voices.SelectMany(v => v.Languages).Select(LanguageSet.Primary)).Distinct(StringComparer.Ordinal).ToList();
        var rows = new List<BenchRow>();
        foreach (var language in languages)
        {
            var voice = voices.FirstOrDefault(v => v.Languages.Any(l => LanguageSet.Primary(l) == language));
            rows.Add(voice is null
                ? new BenchRow(stage, $"piper {language}", null, $"not present: no Piper voice for {language} here", null,
                    status.Available ? PiperLanguageVoices.GetHint(language) : $"{status.Detail} -> {PiperLanguageVoices.GetHint(language)}")
                : await MeasureAsync(context, stage, engine, voice, language).ConfigureAwait(false));
        }
        return rows;
    }

    private static async Task<BenchRow> MeasureAsync(BenchContext context, string stage, PiperOnnxSynthesizer engine, VoiceInfo voice, string language)
    {
        var lines = Lines(context, language);
        var clock = Stopwatch.StartNew();
        var seconds = 0.0;
        for (var i = 0; i < lines.Count; i++)
        {
            var clip = Path.Combine(context.WorkDirectory, $"piper-{language}-{i}.wav");
            await engine.SynthesizeAsync(new SpeechRequest(lines[i], language, voice.Name, clip),
                new EngineContext { WorkDirectory = context.WorkDirectory, CancellationToken = context.CancellationToken }).ConfigureAwait(false);
            using var reader = new WavReader(clip);
            seconds += reader.Duration;
        }
        var rtf = seconds > 0 ? clock.Elapsed.TotalSeconds / seconds : (double?)null;
        return new BenchRow(stage, $"piper {language}", rtf, string.Create(CultureInfo.InvariantCulture, $"{voice.Name}: {lines.Count} lines, {seconds:0.0} s of speech"),
            new Dictionary<string, double> { ["speech_seconds"] = Math.Round(seconds, 2), ["lines"] = lines.Count }, "RTF = synthesis seconds / speech seconds");
    }

    private static List<string> Lines(BenchContext context, string language)
    {
        if (language != "en" && context.SharedDataDirectory is { } shared)
        {
            var file = Path.Combine(shared, "sentences_8_languages", $"test_{language}.ref.txt");
            if (File.Exists(file)) return [File.ReadAllText(file).Trim()];
        }
        return TranscriptJson.Read(Path.Combine(context.TruthDirectory, "transcript.json")).Segments.Select(s => s.Text).Where(t => t.Length > 0).ToList();
    }
}
