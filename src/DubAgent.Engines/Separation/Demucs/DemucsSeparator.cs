using System.Globalization;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Processes;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Separation.Demucs;

/// <summary>
/// Engine `demucs`: Meta's Demucs through its own command line (<see cref="DemucsCommand"/>), as `demucs` on PATH or
/// `python3 -m demucs`. Settings: Demucs:Model (htdemucs), Demucs:Device (cpu/cuda), Demucs:Shifts, Demucs:Segment,
/// Demucs:Program; call options model/device/shifts/segment/stems override them. Two stems give vocals and background;
/// four stems also give music (bass + other) and sfx (drums). Stems come back at the source's rate and channels.
/// </summary>
public sealed class DemucsSeparator(IProcessRunner runner, IMediaToolkit media, StemConformer conformer, IConfiguration configuration) : ISeparator
{
    public const string InstallHint = "pip install -U demucs   (needs Python 3.8+ and ffmpeg; the first run downloads the htdemucs model)";

    public string Name => "demucs";

    public string Capability => Capabilities.Separate;

    public string Description =>
        "Demucs (htdemucs by default): neural stem separation that keeps music quality; best for films and series. Slow on CPU, needs `pip install demucs`.";

    private DemucsOptions Settings => DemucsOptions.From(configuration);

    private string Program => Settings.Program;

    private string Python => Settings.Python;

    public async Task<EngineStatus> CheckAsync(CancellationToken cancellationToken)
    {
        var direct = ProgramLocator.Find(Program) is not null;
        var version = await ModuleVersionAsync(cancellationToken).ConfigureAwait(false);
        if (direct) return EngineStatus.Ready(version ?? "unknown", $"{Program} on PATH");
        if (version is not null) return EngineStatus.Ready(version, $"{Python} -m demucs");
        return EngineStatus.Missing($"'{Program}' is not on PATH and {Python} cannot import demucs", InstallHint);
    }

    public async Task<SeparationOutput> SeparateAsync(SeparationRequest request, EngineContext context)
    {
        var token = context.CancellationToken;
        var info = await media.ProbeAsync(request.InputPath, token).ConfigureAwait(false);
        var (rate, channels) = StemConformer.LayoutOf(info);
        var command = CommandFor(request.Options);
        var run = Path.Combine(context.WorkDirectory, $".demucs-{Guid.NewGuid():N}");
        Directory.CreateDirectory(run);
        try
        {
            using var source = await SourceWav.PrepareAsync(media, request.InputPath, run, null, token).ConfigureAwait(false);
            var (program, prefix) = ProgramLocator.Find(Program) is not null ? (Program, Array.Empty<string>()) : (Python, new[] { "-m", "demucs" });
            var result = await runner.RunAsync(new ProcessRequest(program, [.. prefix, .. command.Arguments(run, source.Path)])
            {
                OnStderrLine = line =>
                {
                    if (TqdmProgress.Fraction(line) is { } f) context.Progress.Report(new(0.95 * f, "demucs separating"));
                },
                Timeout = Timeout,
            }, token).ConfigureAwait(false);
            if (!result.Succeeded)
                throw new EngineFailedException(Name, $"demucs exited with code {result.ExitCode}",
                    "Check the model name (-n) and that the input decodes; the end of demucs' output follows.", result.StderrTail);

            var track = command.TrackDirectory(run, source.Path);
            string Stem(string name)
            {
                var path = Path.Combine(track, name + ".wav");
                return File.Exists(path) ? path
                    : throw new EngineFailedException(Name, $"demucs finished but wrote no {name}.wav in '{track}'",
                        "Its output layout may have changed (an --filename option in a config?); run demucs by hand to see where it writes.");
            }

            Directory.CreateDirectory(request.OutputDirectory);
            var stems = new Dictionary<string, string>();
            async Task Write(string stem, params string[] sources)
            {
                var target = Path.Combine(request.OutputDirectory, stem + ".wav");
                await conformer.SumAsync(sources.Select(Stem).ToList(), target, rate, channels, token).ConfigureAwait(false);
                stems[stem] = target;
            }
            await Write(StemNames.Vocals, "vocals").ConfigureAwait(false);
            if (command.TwoStems)
            {
                await Write(StemNames.Background, "no_vocals").ConfigureAwait(false);
            }
            else
            {
                await Write(StemNames.Background, "drums", "bass", "other").ConfigureAwait(false);
                await Write(StemNames.Music, "bass", "other").ConfigureAwait(false);
                await Write(StemNames.Sfx, "drums").ConfigureAwait(false);
            }
            return new SeparationOutput(stems, string.Create(CultureInfo.InvariantCulture,
                $"demucs -n {command.Model}{(command.TwoStems ? " --two-stems=vocals" : " (4 stems: music = bass + other, sfx = drums)")}"));
        }
        finally
        {
            try { Directory.Delete(run, recursive: true); } catch (IOException) { }
        }
    }

    internal DemucsCommand CommandFor(IReadOnlyDictionary<string, string>? options)
    {
        var settings = Settings;
        return new(
            SeparationOptions.Text(options, SeparationOptions.Model) ?? settings.Model,
            !SeparationOptions.FourStems(options),
            SeparationOptions.Text(options, SeparationOptions.Device) ?? NonEmpty(settings.Device),
            SeparationOptions.Integer(options, SeparationOptions.Shifts) ?? settings.Shifts,
            SeparationOptions.Integer(options, SeparationOptions.Segment) ?? settings.Segment);
    }

    private TimeSpan? Timeout => Settings.TimeoutMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private async Task<string?> ModuleVersionAsync(CancellationToken cancellationToken)
    {
        if (ProgramLocator.Find(Python) is null) return null;
        try
        {
            var result = await runner.RunAsync(new ProcessRequest(Python, ["-c", "import demucs; print(demucs.__version__)"])
            { Timeout = TimeSpan.FromSeconds(30) }, cancellationToken).ConfigureAwait(false);
            return result.Succeeded ? result.StandardOutput.Trim() : null;
        }
        catch (DubAgentException)
        {
            return null;
        }
    }
}
