using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Processes;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Separation.Uvr;

/// <summary>
/// Engine `uvr`: Ultimate Vocal Remover's models through the `audio-separator` command line
/// (<see cref="AudioSeparatorCommand"/>). Settings: Uvr:Model (a model file name, default UVR-MDX-NET-Voc_FT.onnx, a
/// vocal MDX-Net model tuned for speech and singing), Uvr:ModelDirectory, Uvr:Program; the call's `model` overrides.
/// Stems come back at the source's rate and channels.
/// </summary>
public sealed class UvrSeparator(IProcessRunner runner, IMediaToolkit media, StemConformer conformer, IConfiguration configuration) : ISeparator
{
    public const string InstallHint = "pip install \"audio-separator[cpu]\"   (or \"audio-separator[gpu]\" with CUDA; models download on first use)";

    public string Name => "uvr";

    public string Capability => Capabilities.Separate;

    public string Description =>
        "UVR MDX-Net vocal models through audio-separator (default UVR-MDX-NET-Voc_FT.onnx): clean dialogue extraction; best for talk shows and interviews. Needs `pip install audio-separator`.";

    private UvrOptions Settings => UvrOptions.From(configuration);

    private string Program => Settings.Program;

    public async Task<EngineStatus> CheckAsync(CancellationToken cancellationToken)
    {
        if (ProgramLocator.Find(Program) is null)
            return EngineStatus.Missing($"'{Program}' is not installed or not on PATH", InstallHint);
        var result = await runner.RunAsync(new ProcessRequest(Program, ["--version"]) { Timeout = TimeSpan.FromSeconds(60) }, cancellationToken)
            .ConfigureAwait(false);
        if (!result.Succeeded)
            return EngineStatus.Missing($"'{Program} --version' failed (exit code {result.ExitCode}): {result.StderrTail.Split('\n').LastOrDefault()}", InstallHint);
        // argparse prints "audio-separator 0.30.1".
        var version = result.StandardOutput.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return EngineStatus.Ready(version ?? "unknown", $"model {ModelFile(null)}");
    }

    public async Task<SeparationOutput> SeparateAsync(SeparationRequest request, EngineContext context)
    {
        var token = context.CancellationToken;
        var info = await media.ProbeAsync(request.InputPath, token).ConfigureAwait(false);
        var (rate, channels) = StemConformer.LayoutOf(info);
        var command = new AudioSeparatorCommand(ModelFile(request.Options), Settings.ModelDirectory is { Length: > 0 } d ? d : null, rate);
        var run = Path.Combine(context.WorkDirectory, $".uvr-{Guid.NewGuid():N}");
        Directory.CreateDirectory(run);
        try
        {
            using var source = await SourceWav.PrepareAsync(media, request.InputPath, run, null, token).ConfigureAwait(false);
            var result = await runner.RunAsync(new ProcessRequest(Program, command.Arguments(run, source.Path))
            {
                OnStderrLine = line =>
                {
                    if (TqdmProgress.Fraction(line) is { } f) context.Progress.Report(new(0.95 * f, "audio-separator separating"));
                },
            }, token).ConfigureAwait(false);
            if (!result.Succeeded)
                throw new EngineFailedException(Name, $"audio-separator exited with code {result.ExitCode}",
                    $"Check the model file name ('{command.ModelFile}'; `audio-separator --list_models` lists them); the end of its output follows.",
                    result.StderrTail);
            var outputs = AudioSeparatorCommand.MapOutputs(Directory.EnumerateFiles(run), source.Path)
                ?? throw new EngineFailedException(Name,
                    $"audio-separator finished but no '(Vocals)' and '(Instrumental)' files were found in its output folder",
                    "The model may give other stems (e.g. a karaoke or drum model): choose a vocal model such as UVR-MDX-NET-Voc_FT.onnx.");

            Directory.CreateDirectory(request.OutputDirectory);
            var vocals = Path.Combine(request.OutputDirectory, StemNames.Vocals + ".wav");
            var background = Path.Combine(request.OutputDirectory, StemNames.Background + ".wav");
            await conformer.ConformAsync(outputs.Vocals, vocals, rate, channels, token).ConfigureAwait(false);
            await conformer.ConformAsync(outputs.Background, background, rate, channels, token).ConfigureAwait(false);
            return new SeparationOutput(new Dictionary<string, string> { [StemNames.Vocals] = vocals, [StemNames.Background] = background },
                $"audio-separator -m {command.ModelFile}");
        }
        finally
        {
            try { Directory.Delete(run, recursive: true); } catch (IOException) { }
        }
    }

    private string ModelFile(IReadOnlyDictionary<string, string>? options) =>
        SeparationOptions.Text(options, SeparationOptions.Model) ?? Settings.Model;
}
