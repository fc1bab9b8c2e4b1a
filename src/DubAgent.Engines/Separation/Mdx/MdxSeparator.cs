using System.Globalization;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Models;
using DubAgent.Core.Media;
using Microsoft.Extensions.Configuration;
using Microsoft.ML.OnnxRuntime;

namespace DubAgent.Engines.Separation.Mdx;

/// <summary>
/// Engine `mdx`: UVR's MDX-Net models run in process on ONNX Runtime (<see cref="MdxWindowedSeparator"/>), the model
/// from the model store (Mdx:Model or the call's model: UVR-MDX-NET-Voc_FT by default, Kim_Vocal_2,
/// UVR-MDX-NET-Inst_HQ_3). The source is decoded at 44.1 kHz, the voice estimated there and brought back to the
/// source's rate; the background is the source minus that voice, so the stems add up to the source. Unavailable,
/// with the `dubagent models pull` command, while the model is not in the store.
/// </summary>
public sealed class MdxSeparator(IMediaToolkit media, StemConformer conformer, IConfiguration configuration, IModelStore? store = null) : ISeparator
{
    /// <summary>Bumped whenever the windowing or the transforms change (part of the step cache key with the model id).</summary>
    public const string AlgorithmVersion = "1.0";

    public string Name => MdxModels.Engine;

    public string Capability => Capabilities.Separate;

    public string Description =>
        "UVR MDX-Net vocal models in process on ONNX Runtime (default UVR-MDX-NET-Voc_FT; Kim_Vocal_2, UVR-MDX-NET-Inst_HQ_3): " +
        "clean dialogue with no Python; best for talk shows and interviews, good under music. Needs the model: `dubagent models pull UVR-MDX-NET-Voc_FT`.";

    private MdxOptions Settings => MdxOptions.From(configuration);

    public Task<EngineStatus> CheckAsync(CancellationToken cancellationToken)
    {
        var id = Settings.Model;
        if (MdxModels.Find(id) is not { } model)
            return Task.FromResult(EngineStatus.Missing($"Mdx:Model '{id}' is not an MDX-Net model DubAgent knows",
                $"set Mdx:Model to one of {KnownIds}"));
        if (store is null)
            return Task.FromResult(EngineStatus.Missing($"no model store is set up to hold '{model.Id}'", PullHint(model)));
        return Task.FromResult(store.Find(model.Id) is { } path
            ? EngineStatus.Ready($"{AlgorithmVersion} {model.Id}", $"model {path}")
            : EngineStatus.Missing($"the model '{model.Id}' is not in the model store", PullHint(model)));
    }

    public async Task<SeparationOutput> SeparateAsync(SeparationRequest request, EngineContext context)
    {
        var token = context.CancellationToken;
        var settings = Settings;
        var asked = SeparationOptions.Text(request.Options, SeparationOptions.Model) ?? settings.Model;
        var model = MdxModels.Find(asked)
            ?? throw new InputException($"The mdx model '{asked}' is not an MDX-Net model DubAgent knows.", $"Use one of {KnownIds}.");
        if (store is null)
            throw new EngineUnavailableException(Name, Capability, $"no model store is set up to hold '{model.Id}'", PullHint(model));
        var modelPath = store.Find(model.Id) ?? await store.RequireAsync(model.Id, context.Progress, token).ConfigureAwait(false);

        var run = Path.Combine(context.WorkDirectory, $".mdx-{Guid.NewGuid():N}");
        Directory.CreateDirectory(run);
        try
        {
            using var network = Load(modelPath, model, settings.EffectiveThreads);
            var info = await media.ProbeAsync(request.InputPath, token).ConfigureAwait(false);
            var (rate, _) = StemConformer.LayoutOf(info);
            using var source = await SourceWav.PrepareAsync(media, request.InputPath, run, null, token).ConfigureAwait(false);
            var at44 = source.Path;
            if (rate != MdxLayout.SampleRate)
            {
                at44 = Path.Combine(run, "source-44k.wav");
                await media.ExtractAudioAsync(source.Path, at44, MdxLayout.SampleRate, null, SampleEncoding.Float32, null, token).ConfigureAwait(false);
            }

            var voice44 = Path.Combine(run, "vocals-44k.wav");
            var separator = new MdxWindowedSeparator(network, model.Layout, settings.Overlap);
            var progress = new Progress<Abstractions.ProgressUpdate>(p => context.Progress.Report(p with { Fraction = 0.05 + 0.85 * (p.Fraction ?? 0) }));
            var separation = await Task.Run(() => separator.Separate(at44, voice44, model.OutputIsVocals, progress, token), token).ConfigureAwait(false);

            Directory.CreateDirectory(request.OutputDirectory);
            var vocals = Path.Combine(request.OutputDirectory, StemNames.Vocals + ".wav");
            var background = Path.Combine(request.OutputDirectory, StemNames.Background + ".wav");
            using (var sourceReader = new WavReader(source.Path))
                await conformer.ConformAsync(voice44, vocals, sourceReader.Format.SampleRate, sourceReader.Format.Channels, token).ConfigureAwait(false);
            DifferenceStem.Write(source.Path, vocals, background, SampleEncoding.Pcm16, token);
            var note = string.Create(CultureInfo.InvariantCulture,
                $"mdx: {model.Id} on ONNX Runtime ({settings.EffectiveThreads} threads), {separation.Windows} windows of {model.Layout.WindowSamples / (double)MdxLayout.SampleRate:0.0} s; {separation.Layout}");
            return new SeparationOutput(new Dictionary<string, string> { [StemNames.Vocals] = vocals, [StemNames.Background] = background }, note);
        }
        finally
        {
            try { Directory.Delete(run, recursive: true); } catch (IOException) { }
        }
    }

    private MdxNetwork Load(string path, MdxModel model, int threads)
    {
        try
        {
            return MdxNetwork.Load(path, model.Layout, threads);
        }
        catch (Exception e) when (e is OnnxRuntimeException or InvalidDataException or IOException)
        {
            throw new EngineFailedException(Name, $"the model file '{path}' for '{model.Id}' could not be used: {e.Message.Split('\n', 2)[0].Trim()}",
                $"Check it with `dubagent models verify {model.Id}`, or pull it again with `dubagent models pull {model.Id}`.");
        }
    }

    private static string PullHint(MdxModel model) =>
        $"dubagent models pull {model.Id}   ({model.Entry.Size / 1_000_000} MB)";

    private static string KnownIds => string.Join(", ", MdxModels.All.Select(m => m.Id));
}
