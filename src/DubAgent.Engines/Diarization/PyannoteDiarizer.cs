using System.Globalization;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Processes;
using DubAgent.Engines.SpeechDetection;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Diarization;

/// <summary>
/// The `pyannote` engine: pyannote.audio's pretrained pipeline, run by the shipped script pyannote_diarize.py
/// (beside the assembly, in Diarization/), which writes an RTTM that is parsed back. The Hugging Face token comes
/// from HF_TOKEN. Settings (section "Pyannote"): Python (default python3), Model (default
/// pyannote/speaker-diarization-3.1), Device (cpu/cuda), Script (another script path).
/// </summary>
public sealed class PyannoteDiarizer(IProcessRunner runner, IMediaToolkit media, IConfiguration configuration) : IDiarizer
{
    private const string InstallHint = "pip install pyannote.audio, accept the conditions of pyannote/speaker-diarization-3.1 on huggingface.co and set HF_TOKEN";

    public string Name => "pyannote";

    public string Capability => Capabilities.Diarize;

    public string Description => "pyannote.audio's pretrained neural diarization (Python, Hugging Face token): best with overlapping or many speakers.";

    private PyannoteOptions Settings => PyannoteOptions.From(configuration);

    private string Python => Settings.Python;

    private string Model => Settings.Model;

    public static string DefaultScript => Path.Combine(AppContext.BaseDirectory, "Diarization", "pyannote_diarize.py");

    private string Script => Settings.Script is { Length: > 0 } s ? s : DefaultScript;

    private static string? Token => Environment.GetEnvironmentVariable("HF_TOKEN") is { Length: > 0 } t ? t
        : Environment.GetEnvironmentVariable("HUGGINGFACE_TOKEN") is { Length: > 0 } h ? h : null;

    public async Task<EngineStatus> CheckAsync(CancellationToken cancellationToken)
    {
        if (ProgramLocator.Find(Python) is null) return EngineStatus.Missing($"'{Python}' is not on PATH", ProgramCatalog.AptInstall + " python3 python3-pip");
        var probe = await runner.RunAsync(new ProcessRequest(Python, ["-c", "import pyannote.audio; print(pyannote.audio.__version__)"])
        {
            Timeout = TimeSpan.FromSeconds(60),
        }, cancellationToken).ConfigureAwait(false);
        if (!probe.Succeeded) return EngineStatus.Missing("the Python package pyannote.audio is not installed", InstallHint);
        if (!File.Exists(Script)) return EngineStatus.Missing($"the script '{Script}' is missing from the installation", "reinstall DubAgent or set Pyannote:Script");
        if (Token is null) return EngineStatus.Missing("no Hugging Face token (HF_TOKEN) is set", InstallHint);
        return EngineStatus.Ready($"pyannote.audio {probe.StandardOutput.Trim()}/{Model}", Script);
    }

    public async Task<IReadOnlyList<SpeakerTurn>> DiarizeAsync(DiarizationRequest request, EngineContext context)
    {
        var (wav, _) = await Mono16kExtractor.PrepareAsync(media, request.AudioPath, context.WorkDirectory, context.Progress, context.CancellationToken)
            .ConfigureAwait(false);
        var rttm = Path.Combine(context.WorkDirectory, "pyannote.rttm");
        var arguments = new List<string> { Script, "--audio", wav, "--rttm", rttm, "--model", Model };
        void Add(string flag, int? value)
        {
            if (value is { } v) arguments.AddRange([flag, v.ToString(CultureInfo.InvariantCulture)]);
        }
        Add("--num-speakers", request.NumSpeakers);
        Add("--min-speakers", request.MinSpeakers);
        Add("--max-speakers", request.MaxSpeakers);
        if (Settings.Device is { Length: > 0 } device) arguments.AddRange(["--device", device]);
        if (File.Exists(rttm)) File.Delete(rttm); // our own output from an earlier run, never a user's file

        context.Progress.Report(new Abstractions.ProgressUpdate(null, "pyannote diarization"));
        var result = await runner.RunAsync(new ProcessRequest(Python, arguments), context.CancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
            throw new EngineFailedException(Name, $"the pyannote script exited with code {result.ExitCode}", InstallHint, result.StderrTail);
        if (!File.Exists(rttm))
            throw new EngineFailedException(Name, $"the pyannote script wrote no RTTM at '{rttm}'", null, result.StderrTail);
        return SpeakerNames.Normalise(Rttm.Read(rttm));
    }
}
