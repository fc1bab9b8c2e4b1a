using System.Globalization;
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
/// The `whisper-cpp` engine: whisper.cpp's command line, <c>whisper-cli -m MODEL -f FILE -l LANG -oj -of PREFIX</c>, on
/// 16 kHz mono WAV, in pieces of at most WhisperCpp:MaxChunkSeconds (whisper-cli holds its whole input in memory).
/// Settings (section "WhisperCpp", e.g. DUBAGENT_WHISPERCPP__MODEL): Model (path of a ggml model, required),
/// Program (default whisper-cli), Threads, MaxChunkSeconds (default 1800).
/// </summary>
public sealed class WhisperCppTranscriber(IProcessRunner runner, IMediaToolkit media, IConfiguration configuration, SpeechRegionFinder speech) : ITranscriber
{
    private const string InstallHint =
        "build whisper.cpp (https://github.com/ggml-org/whisper.cpp: cmake -B build && cmake --build build -j), put build/bin/whisper-cli on PATH, "
        + "download a model (models/download-ggml-model.sh base.en) and set DUBAGENT_WHISPERCPP__MODEL to its path";

    public string Name => "whisper-cpp";

    public string Capability => Capabilities.Transcribe;

    public string Description => "Local Whisper through whisper.cpp's whisper-cli: good accuracy in ~100 languages, runs offline on CPU.";

    public IReadOnlyList<string> Languages => WhisperLanguages.All;

    private WhisperCppOptions Settings => WhisperCppOptions.From(configuration);

    private string Program => Settings.Program;

    private string? Model => Settings.Model is { Length: > 0 } m ? m : null;

    public Task<EngineStatus> CheckAsync(CancellationToken cancellationToken)
    {
        if (ProgramLocator.Find(Program) is null)
            return Task.FromResult(EngineStatus.Missing($"'{Program}' is not on PATH", InstallHint));
        if (Model is null)
            return Task.FromResult(EngineStatus.Missing("no model is configured (WhisperCpp:Model)", InstallHint));
        if (!File.Exists(Model))
            return Task.FromResult(EngineStatus.Missing($"the model '{Model}' does not exist", InstallHint));
        // The model file names the weights; it takes part in the cache key through the version.
        return Task.FromResult(EngineStatus.Ready($"whisper-cli/{Path.GetFileNameWithoutExtension(Model)}", Model));
    }

    public async Task<Transcript> TranscribeAsync(TranscriptionRequest request, EngineContext context)
    {
        var model = Model ?? throw new EngineUnavailableException(Name, Capability, "no model is configured (WhisperCpp:Model)", InstallHint);
        var (wav, duration) = await Mono16kExtractor.PrepareAsync(media, request.AudioPath, context.WorkDirectory, context.Progress, context.CancellationToken)
            .ConfigureAwait(false);
        var maxSeconds = Settings.MaxChunkSeconds;
        IReadOnlyList<AudioChunk> chunks = [new AudioChunk(wav, 0, duration)];
        if (duration > maxSeconds)
        {
            var regions = await speech.FindAsync(wav, context).ConfigureAwait(false);
            chunks = SilenceChunker.Write(media, wav, SilenceChunker.Plan(regions, duration, maxSeconds),
                Path.Combine(context.WorkDirectory, "whisper-chunks"), context.CancellationToken);
        }

        var segments = new List<TranscriptSegment>();
        string? language = request.Language;
        for (var i = 0; i < chunks.Count; i++)
        {
            context.Progress.Report(ProgressUpdate.Of(i, chunks.Count, $"whisper-cli piece {i + 1}/{chunks.Count}"));
            var prefix = Path.Combine(context.WorkDirectory, $"whisper_{i + 1:D3}");
            var arguments = new List<string> { "-m", model, "-f", chunks[i].Path, "-l", request.Language ?? "auto", "-oj", "-of", prefix, "-np" };
            if (Settings.Threads is { } threads) arguments.AddRange(["-t", threads.ToString(CultureInfo.InvariantCulture)]);
            var result = await runner.RunAsync(new ProcessRequest(Program, arguments), context.CancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
                throw new EngineFailedException(Name, $"whisper-cli exited with code {result.ExitCode}",
                    "check the model path and that the model matches this whisper.cpp build", result.StderrTail);
            var jsonPath = prefix + ".json";
            if (!File.Exists(jsonPath))
                throw new EngineFailedException(Name, $"whisper-cli did not write '{jsonPath}'", "use a whisper.cpp build that supports -oj", result.StderrTail);
            var (detected, parsed) = WhisperCppJson.Parse(await File.ReadAllTextAsync(jsonPath, context.CancellationToken).ConfigureAwait(false),
                chunks[i].Offset, jsonPath);
            language ??= detected;
            segments.AddRange(parsed);
        }
        context.Progress.Report(new ProgressUpdate(1, "whisper-cli done"));
        return new Transcript
        {
            Language = string.IsNullOrEmpty(language) ? "und" : language,
            TotalDuration = duration,
            Segments = segments,
        };
    }
}
