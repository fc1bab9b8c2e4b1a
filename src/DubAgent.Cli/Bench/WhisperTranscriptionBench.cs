using DubAgent.Abstractions.Engines;
using DubAgent.Core.Models;
using DubAgent.Engines.Transcription.Whisper;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The whisper rows of the transcribe stage: WER and real-time factor on the demo dialogue and jfk, once per Whisper
/// model in the store (so base and small.en can be compared). Without any, one row says it was not run and what to pull.
/// </summary>
public sealed class WhisperTranscriptionBench : IBenchStage
{
    public string Stage => "transcribe";

    public int Order => 31;

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var store = context.Services.GetRequiredService<ModelStore>();
        var registry = context.Services.GetRequiredService<IEngineRegistry>();
        if (registry.Find(Capabilities.Transcribe, WhisperTranscriber.EngineName) is not ITranscriber engine) return [];
        var models = store.Catalog.Where(e => e.Engine == WhisperTranscriber.EngineName && store.Find(e.Id) is not null).ToList();
        if (models.Count == 0)
        {
            var wanted = store.Entry(WhisperModelChoice.DefaultId);
            return [new BenchRow(Stage, engine.Name, null, null,
                Note: $"not run: no model (`dubagent models pull {WhisperModelChoice.DefaultId}`{(wanted is null ? "" : $", {ModelUnavailable.Megabytes(wanted.Size)}")})")];
        }
        var inputs = await TranscriptionBench.InputsAsync(context).ConfigureAwait(false);
        var rows = new List<BenchRow>();
        foreach (var model in models)
        foreach (var (label, audio, reference) in inputs)
        {
            var name = $"{engine.Name} ({model.Id["whisper-".Length..]})";
            rows.Add(await TranscriptionBench.MeasureAsync(engine, name, new Dictionary<string, string> { ["model"] = model.Id }, label, audio, reference, context)
                .ConfigureAwait(false));
        }
        return rows;
    }
}
