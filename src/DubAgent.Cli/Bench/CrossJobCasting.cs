using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Tools;
using DubAgent.Abstractions.Voices;
using DubAgent.Core.Media;
using DubAgent.Engines.Diarization;
using DubAgent.Engines.Synthesis;
using DubAgent.Engines.Voices;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>What two jobs on the two parts of one recording cast, and how many voices each true speaker got across both.</summary>
/// <param name="Casts">Per job, its cast (speaker, voice, source, actor, score).</param>
/// <param name="VoicesPerTrueSpeaker">True speaker to the distinct voices their lines got over both jobs (1 each is perfect).</param>
/// <param name="MainVoices">Per job, each true speaker's main voice (the one most of their seconds got).</param>
public sealed record CrossJobResult(IReadOnlyList<IReadOnlyList<CastEntry>> Casts, IReadOnlyDictionary<string, IReadOnlyList<string>> VoicesPerTrueSpeaker,
    IReadOnlyList<IReadOnlyDictionary<string, string>> MainVoices, double SynthesisSeconds)
{
    public double MeanVoicesPerTrueSpeaker => VoicesPerTrueSpeaker.Count == 0 ? 0 : VoicesPerTrueSpeaker.Average(p => p.Value.Count);

    /// <summary>True speakers heard in both jobs, and how many of them kept their main voice from the first job to the second.</summary>
    public (int Kept, int InBoth) KeptMainVoice
    {
        get
        {
            var both = MainVoices[0].Keys.Where(MainVoices[^1].ContainsKey).ToList();
            return (both.Count(s => MainVoices[0][s] == MainVoices[^1][s]), both.Count);
        }
    }
}

/// <summary>
/// Cuts a recording in two files at <c>cut</c> seconds and runs a job on each with one voice library in remember
/// mode: diarize (mfcc) → a translation of the diarized turns → synthesize (espeak-ng, the turns' speech as `audio`).
/// The second job should give each true speaker the voice the first one gave them.
/// </summary>
public sealed class CrossJobCasting(IServiceProvider services, IVoiceLibrary library)
{
    public async Task<CrossJobResult> RunAsync(string recording, IReadOnlyList<SpeakerTurn> truth, double cut, string work, int? numSpeakers,
        CancellationToken cancellationToken)
    {
        var media = services.GetRequiredService<IMediaToolkit>();
        var whole = Path.Combine(work, "whole.wav");
        await media.ExtractAudioAsync(recording, whole, 16000, 1, SampleEncoding.Pcm16, null, cancellationToken).ConfigureAwait(false);
        var (format, samples) = WavReader.ReadAll(whole);
        var split = (int)Math.Min(samples.Length, cut * format.SampleRate);
        var parts = new[] { (Offset: 0.0, Samples: samples[..split]), (Offset: cut, Samples: samples[split..]) };

        // The tool as registered, but casting against this library (not the user's).
        var synthesize = ActivatorUtilities.CreateInstance<SynthesizeTool>(services,
            new SpeakerCasting(media, services.GetRequiredService<SpeakerReferences>(), new ActorCasting(library)));
        var diarize = services.GetServices<ITool>().OfType<DiarizeTool>().First();
        var casts = new List<IReadOnlyList<CastEntry>>();
        var voices = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var main = new List<IReadOnlyDictionary<string, string>>();
        var synthesisSeconds = 0.0;
        for (var i = 0; i < parts.Length; i++)
        {
            var job = Directory.CreateDirectory(Path.Combine(work, $"job-{i + 1}")).FullName;
            var audio = Path.Combine(job, $"part-{i + 1}.wav");
            using (var writer = media.CreateWav(audio, new AudioFormat(format.SampleRate, 1)))
            {
                writer.Write(parts[i].Samples);
                writer.Commit();
            }
            var diarized = await diarize.InvokeAsync(new DiarizeArguments { Input = audio, NumSpeakers = numSpeakers, Engine = "mfcc" },
                Context(job, "diarize", cancellationToken)).ConfigureAwait(false);
            var transcript = TranscriptJson.Read(diarized.TranscriptPath);
            var translation = Path.Combine(job, "translation.json");
            AtomicFile.WriteAllText(translation, JsonSerializer.Serialize(new Translation
            {
                SourceLanguage = "en", TargetLanguage = "es", NumSpeakers = transcript.NumSpeakers, TotalDuration = parts[i].Samples.Length / (double)format.SampleRate,
                Segments = transcript.Segments.Select(s => new TranslatedSegment
                {
                    Id = s.Id, Speaker = s.Speaker, Start = s.Start, End = s.End, Text = $"line {s.Id}", TargetText = "Hola, ¿qué tal?",
                }).ToList(),
            }, DubAgentJson.Options));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var result = await synthesize.InvokeAsync(new SynthesizeArguments
            {
                Translation = translation, Audio = audio, Engine = "espeak-ng", Language = "es", VoiceLibrary = VoiceLibraryModes.Remember,
            }, Context(job, "synthesize", cancellationToken)).ConfigureAwait(false);
            synthesisSeconds += clock.Elapsed.TotalSeconds;
            var document = JsonSerializer.Deserialize<PlacementsDocument>(File.ReadAllText(result.PlacementsPath), DubAgentJson.Options)!;
            casts.Add(document.Cast);
            var seconds = new Dictionary<(string Speaker, string Voice), double>();
            foreach (var placement in document.Placements)
            {
                var start = placement.SlotStart + parts[i].Offset;
                var end = placement.SlotEnd + parts[i].Offset;
                var owner = truth.Select(t => (t.Speaker, Overlap: Math.Min(end, t.End) - Math.Max(start, t.Start)))
                    .Where(o => o.Overlap > 0).OrderByDescending(o => o.Overlap).FirstOrDefault().Speaker;
                if (owner is null) continue;
                (voices.TryGetValue(owner, out var set) ? set : voices[owner] = []).Add(placement.Voice);
                seconds[(owner, placement.Voice)] = seconds.GetValueOrDefault((owner, placement.Voice)) + end - start;
            }
            main.Add(seconds.GroupBy(p => p.Key.Speaker).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Value).Key.Voice));
        }
        return new CrossJobResult(casts, voices.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.Order().ToList()), main, synthesisSeconds);
    }

    private ToolContext Context(string job, string step, CancellationToken cancellationToken) => new()
    {
        WorkDirectory = Directory.CreateDirectory(Path.Combine(job, step)).FullName,
        JobDirectory = job,
        Services = services,
        CancellationToken = cancellationToken,
    };
}
