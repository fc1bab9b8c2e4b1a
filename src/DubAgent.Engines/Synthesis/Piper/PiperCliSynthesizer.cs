using System.Globalization;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Media;
using DubAgent.Core.Processes;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// The fallback `piper-cli` engine, Piper's command line: text on stdin, `--model voice.onnx --config voice.onnx.json --output_file clip.wav`, and
/// `--speaker N` for multi-speaker models. Models come from Piper:Model (one .onnx) and Piper:ModelDirectory (every
/// .onnx with its .json in a folder).
/// </summary>
public sealed class PiperCliSynthesizer(IProcessRunner runner, IConfiguration configuration) : ISynthesizer, ISynthesisFingerprint
{
    public const string InstallHint =
        "pip install piper-tts && python3 -m piper.download_voices en_US-lessac-medium, then set DUBAGENT_PIPER__MODEL=/path/to/en_US-lessac-medium.onnx";

    public string Name => "piper-cli";

    public string Capability => Capabilities.Synthesize;

    public string Description =>
        "Piper through its own program (fallback of the in-process `piper` engine): the same voices, run by the piper command. Needs the piper program and a voice model.";

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
        IReadOnlyList<PiperVoiceModel> models;
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

    public Task<IReadOnlyList<VoiceInfo>> ListVoicesAsync(CancellationToken cancellationToken) => Task.FromResult(PiperVoiceModel.Infos(Models()));

    public async Task SynthesizeAsync(SpeechRequest request, EngineContext context)
    {
        var (model, speaker) = PiperVoiceModel.Find(Models(), request.Voice, Name);
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

    private IReadOnlyList<PiperVoiceModel> Models() => PiperVoiceModel.Configured(Settings);
}
