using System.Globalization;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Media;
using DubAgent.Core.Processes;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// Piper's command line: text on stdin, `--model voice.onnx --config voice.onnx.json --output_file clip.wav`, and
/// `--speaker N` for multi-speaker models. Models come from Piper:Model (one .onnx) and Piper:ModelDirectory (every
/// .onnx with its .json in a folder).
/// </summary>
public sealed class PiperSynthesizer(IProcessRunner runner, IConfiguration configuration) : ISynthesizer, ISynthesisFingerprint
{
    public const string InstallHint =
        "pip install piper-tts && python3 -m piper.download_voices en_US-lessac-medium, then set DUBAGENT_PIPER__MODEL=/path/to/en_US-lessac-medium.onnx";

    public string Name => "piper";

    public string Capability => Capabilities.Synthesize;

    public string Description =>
        "Piper: fast, natural offline neural voices (one .onnx model per voice and language). Needs the piper program and a downloaded voice model.";

    private PiperOptions Settings => PiperOptions.From(configuration);

    private string Program => Settings.Program;

    public string SettingsFingerprint
    {
        get
        {
            try
            {
                return string.Join(';', Models().Select(m => $"{m.ModelPath}:{new FileInfo(m.ModelPath).Length}:{File.GetLastWriteTimeUtc(m.ModelPath):O}"));
            }
            catch (InputException)
            {
                return "";
            }
        }
    }

    public Task<EngineStatus> CheckAsync(CancellationToken cancellationToken)
    {
        if (ProgramLocator.Find(Program) is null)
            return Task.FromResult(EngineStatus.Missing($"'{Program}' is not installed or not on PATH", InstallHint));
        List<PiperVoiceModel> models;
        try
        {
            models = Models();
        }
        catch (InputException e)
        {
            return Task.FromResult(EngineStatus.Missing(e.Message, e.Hint ?? InstallHint));
        }
        if (models.Count == 0)
            return Task.FromResult(EngineStatus.Missing("no Piper voice model is configured (Piper:Model or Piper:ModelDirectory)", InstallHint));
        return Task.FromResult(EngineStatus.Ready(string.Join('+', models.Select(m => m.Name)), $"{models.Count} model(s)"));
    }

    public Task<IReadOnlyList<VoiceInfo>> ListVoicesAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<VoiceInfo> voices = Models()
            .SelectMany(m => m.Voices.Select(v => new VoiceInfo(v.Voice, m.Language is null ? [] : [m.Language], null, null,
                v.SpeakerId is { } id ? $"{m.Name}, speaker {id}" : m.Name)))
            .ToList();
        return Task.FromResult(voices);
    }

    public async Task SynthesizeAsync(SpeechRequest request, EngineContext context)
    {
        var (model, speaker) = Resolve(request.Voice);
        var arguments = new List<string> { "--model", model.ModelPath, "--config", model.ConfigPath };
        if (speaker is { } id) arguments.AddRange(["--speaker", id.ToString(CultureInfo.InvariantCulture)]);
        await AtomicFile.WriteAsync(request.OutputPath, async temporary =>
        {
            var result = await runner.RunAsync(new ProcessRequest(Program, [.. arguments, "--output_file", temporary])
            {
                StandardInput = request.Text + "\n",
                Timeout = TimeSpan.FromSeconds(120 + request.Text.Length / 10.0),
            }, context.CancellationToken).ConfigureAwait(false);
            if (!result.Succeeded || !File.Exists(temporary))
                throw new EngineFailedException(Name, $"could not speak \"{EspeakSynthesizer.Preview(request.Text)}\" (exit code {result.ExitCode})",
                    "Check the model files and that piper runs on its own; its message follows.", result.StderrTail);
        }).ConfigureAwait(false);
    }

    private (PiperVoiceModel Model, int? Speaker) Resolve(string voice)
    {
        var models = Models();
        foreach (var model in models)
            foreach (var (name, speaker) in model.Voices)
                if (string.Equals(name, voice, StringComparison.OrdinalIgnoreCase)) return (model, speaker);
        throw new InputException($"Unknown piper voice '{voice}'.",
            $"Use one of: {string.Join(", ", models.SelectMany(m => m.Voices.Select(v => v.Voice)))}.");
    }

    private List<PiperVoiceModel> Models()
    {
        var models = new List<PiperVoiceModel>();
        var settings = Settings;
        if (settings.Model is { Length: > 0 } model) models.Add(PiperVoiceModel.Load(model, settings.Config is { Length: > 0 } c ? c : null));
        if (settings.ModelDirectory is { Length: > 0 } directory)
        {
            if (!Directory.Exists(directory))
                throw new InputException($"The Piper model folder '{directory}' does not exist.", "Set Piper:ModelDirectory to a folder of .onnx voices.");
            foreach (var onnx in Directory.EnumerateFiles(directory, "*.onnx").Order(StringComparer.Ordinal))
                if (File.Exists(onnx + ".json") && models.All(m => m.ModelPath != Path.GetFullPath(onnx)))
                    models.Add(PiperVoiceModel.Load(onnx));
        }
        return models;
    }
}
