using System.Globalization;
using System.Text;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Dsp;
using DubAgent.Core.Processes;
using DubAgent.Engines.SpeechDetection;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Transcription;

/// <summary>
/// The built-in `pocketsphinx` engine (English): Debian's CMU pocketsphinx (pocketsphinx_batch, 5prealpha) with the
/// pocketsphinx-en-us model. The speech detector (Silero VAD, else energy) finds the speech regions; pocketsphinx_batch runs (one per core)
/// decode them as utterances of one control file (start and end frames into one raw 16 kHz file), writing a
/// CTM with per-word times and confidences. Each region becomes a segment. Settings: "Pocketsphinx:ModelDirectory",
/// "Pocketsphinx:Parallelism".
/// </summary>
public sealed class PocketsphinxTranscriber(IProcessRunner runner, IMediaToolkit media, IConfiguration configuration, SpeechRegionFinder speech) : ITranscriber
{
    public const string Program = "pocketsphinx_batch";
    private const string InstallHint = ProgramCatalog.AptInstall + " pocketsphinx pocketsphinx-en-us";
    private const double MaxUtteranceSeconds = 20;
    private const int UtterancesPerRun = 100;

    public string Name => "pocketsphinx";

    public string Capability => Capabilities.Transcribe;

    public string Description => "Built-in offline English recognition (CMU pocketsphinx, en-us model): rough text with times, for English only.";

    public IReadOnlyList<string> Languages => ["en"];

    private string ModelDirectory => PocketsphinxOptions.From(configuration).ModelDirectory;

    private int Parallelism => PocketsphinxOptions.From(configuration).Parallelism ?? Environment.ProcessorCount;

    public Task<EngineStatus> CheckAsync(CancellationToken cancellationToken)
    {
        if (ProgramLocator.Find(Program) is null)
            return Task.FromResult(EngineStatus.Missing($"'{Program}' is not on PATH", InstallHint));
        var (hmm, lm, dict) = ModelFiles();
        if (!Directory.Exists(hmm) || !File.Exists(lm) || !File.Exists(dict))
            return Task.FromResult(EngineStatus.Missing($"the en-us model is not in '{ModelDirectory}'", InstallHint));
        return Task.FromResult(EngineStatus.Ready("5prealpha/en-us", ModelDirectory));
    }

    public async Task<Transcript> TranscribeAsync(TranscriptionRequest request, EngineContext context)
    {
        if (request.Language is { } language && !language.Equals("en", StringComparison.OrdinalIgnoreCase))
            throw new InputException($"pocketsphinx cannot transcribe '{language}': it supports en only.",
                "Use engine openai or whisper-cpp for other languages.");
        var (wav, duration) = await Mono16kExtractor.PrepareAsync(media, request.AudioPath, context.WorkDirectory, context.Progress, context.CancellationToken)
            .ConfigureAwait(false);
        var regions = await speech.FindAsync(wav, context).ConfigureAwait(false);
        var utterances = SplitLong(regions);
        var transcript = new Transcript { Language = "en", TotalDuration = duration };
        if (utterances.Count == 0) return transcript;

        var folder = Path.Combine(context.WorkDirectory, "pocketsphinx");
        Directory.CreateDirectory(folder);
        var raw = Path.Combine(folder, "audio.raw");
        WriteRaw(wav, raw, context.CancellationToken);
        var ctl = Path.Combine(folder, "regions.ctl");
        await File.WriteAllLinesAsync(ctl, utterances.Select((u, i) => string.Create(CultureInfo.InvariantCulture,
            $"audio {(int)Math.Round(u.Start * 100)} {(int)Math.Round(u.End * 100)} u{i:D6}")), context.CancellationToken).ConfigureAwait(false);

        var words = new Dictionary<string, List<WordTiming>>(StringComparer.Ordinal);
        try
        {
            // The en-us model normalises each utterance on its own (CMN batch, its feat.params), so an utterance decodes
            // alike in any run: the runs share the cores and the words are those of one run.
            var parallelism = Parallelism;
            var runs = Runs(utterances.Count, parallelism);
            var finished = 0;
            await Parallel.ForEachAsync(runs, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = context.CancellationToken },
                async (run, token) =>
                {
                    var ctm = Path.Combine(folder, $"words_{run.Offset:D6}.ctm");
                    await RunBatchAsync(folder, ctl, ctm, run.Offset, run.Count, token).ConfigureAwait(false);
                    var parsed = PocketsphinxCtm.Parse(await File.ReadAllLinesAsync(ctm, token).ConfigureAwait(false));
                    lock (words)
                        foreach (var (id, list) in parsed) words[id] = list;
                    var done = Interlocked.Add(ref finished, run.Count);
                    context.Progress.Report(ProgressUpdate.Of(done, utterances.Count, "recognising speech"));
                }).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(raw); // as large as the audio itself
        }
        context.Progress.Report(new ProgressUpdate(1, "recognised"));

        var segments = new List<TranscriptSegment>();
        for (var i = 0; i < utterances.Count; i++)
        {
            if (!words.TryGetValue($"u{i:D6}", out var list) || list.Count == 0) continue; // noise, breath, music: no words
            var u = utterances[i];
            if (IsImplausible(u.Duration, list.Count)) continue;
            var timed = list.Select(w => w with { Start = Math.Round(u.Start + w.Start, 3), End = Math.Round(u.Start + w.End, 3) }).ToList();
            segments.Add(new TranscriptSegment
            {
                Start = Math.Round(u.Start, 3),
                End = Math.Round(u.End, 3),
                Text = string.Join(' ', timed.Select(w => w.Word)),
                Confidence = Math.Round(timed.Average(w => w.Confidence), 3),
                Words = timed,
            });
        }
        return transcript with { Segments = segments };
    }

    /// <summary>
    /// Even runs of the control file: at least one per core (up to one per utterance), none over UtterancesPerRun.
    /// </summary>
    internal static IReadOnlyList<(int Offset, int Count)> Runs(int utterances, int parallelism)
    {
        var runs = Math.Max((utterances + UtterancesPerRun - 1) / UtterancesPerRun, Math.Min(Math.Max(1, parallelism), utterances));
        return Enumerable.Range(0, runs).Select(i => (Offset: utterances * i / runs, Count: utterances * (i + 1) / runs - utterances * i / runs)).ToList();
    }

    private async Task RunBatchAsync(string folder, string ctl, string ctm, int offset, int count, CancellationToken cancellationToken)
    {
        var (hmm, lm, dict) = ModelFiles();
        var log = Path.Combine(folder, $"pocketsphinx_{offset:D6}.log"); // one per run: runs work at once
        var arguments = new List<string>
        {
            "-adcin", "yes", "-cepdir", folder, "-cepext", ".raw", "-samprate", "16000",
            "-ctl", ctl, "-ctloffset", offset.ToString(CultureInfo.InvariantCulture), "-ctlcount", count.ToString(CultureInfo.InvariantCulture),
            "-ctm", ctm, "-hmm", hmm, "-lm", lm, "-dict", dict, "-logfn", log,
        };
        var result = await runner.RunAsync(new ProcessRequest(Program, arguments), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded || !File.Exists(ctm))
        {
            var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).Where(l => l.StartsWith("ERROR", StringComparison.Ordinal)).TakeLast(5)) : result.StderrTail;
            throw new EngineFailedException(Name, $"{Program} exited with code {result.ExitCode}", $"see {log}", tail);
        }
    }

    /// <summary>
    /// Music or noise that the detector took for speech decodes to a word or two over seconds; people say 2-4 words a
    /// second, so a long region with under one word per 2.5 s is dropped rather than kept as a made-up line.
    /// </summary>
    internal static bool IsImplausible(double seconds, int words) => seconds >= 3 && words / seconds < 0.4;

    private (string Hmm, string Lm, string Dict) ModelFiles() =>
        (Path.Combine(ModelDirectory, "en-us"), Path.Combine(ModelDirectory, "en-us.lm.bin"), Path.Combine(ModelDirectory, "cmudict-en-us.dict"));

    /// <summary>Long regions are cut into even pieces: the decoder's search grows with the utterance.</summary>
    private static List<SpeechRegion> SplitLong(IReadOnlyList<SpeechRegion> regions)
    {
        var result = new List<SpeechRegion>();
        foreach (var r in regions)
        {
            var pieces = (int)Math.Ceiling(r.Duration / MaxUtteranceSeconds);
            var length = r.Duration / Math.Max(1, pieces);
            for (var i = 0; i < pieces; i++) result.Add(new SpeechRegion(r.Start + i * length, i == pieces - 1 ? r.End : r.Start + (i + 1) * length));
        }
        return result;
    }

    /// <summary>Headerless 16-bit little-endian samples, which -adcin reads with frame-exact seeks.</summary>
    private void WriteRaw(string wav, string raw, CancellationToken cancellationToken)
    {
        using var reader = media.OpenWav(wav);
        using var output = new FileStream(raw, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var samples = new float[16_000 * reader.Format.Channels];
        var bytes = new byte[16_000 * 2];
        int frames;
        while ((frames = reader.Read(samples)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < frames; i++)
            {
                var value = (short)Math.Clamp(Math.Round(samples[i * reader.Format.Channels] * 32768f), short.MinValue, short.MaxValue);
                bytes[2 * i] = (byte)value;
                bytes[2 * i + 1] = (byte)(value >> 8);
            }
            output.Write(bytes, 0, frames * 2);
        }
    }
}
