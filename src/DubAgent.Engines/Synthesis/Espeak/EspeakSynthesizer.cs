using System.Globalization;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Media;
using DubAgent.Core.Processes;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// espeak-ng: built in, every language it has, a distinct persona per speaker (variant, pitch, rate). Text goes on
/// stdin (`--stdin`), the clip to `-w`; `-z` drops the final sentence pause so the clip is speech only.
/// </summary>
public sealed class EspeakSynthesizer(IProcessRunner runner, IConfiguration configuration) : ISynthesizer, ISynthesisFingerprint
{
    private const string InstallHint = ProgramCatalog.AptInstall + " espeak-ng";
    private readonly SemaphoreSlim _languagesGate = new(1, 1);
    private EspeakLanguages? _languages;

    public string Name => "espeak-ng";

    public string Capability => Capabilities.Synthesize;

    public string Description =>
        "Built-in formant speech synthesizer: robotic but intelligible, ~100 languages, a clearly different voice per speaker. Works offline everywhere; choose a neural engine (openai, piper) for natural voices.";

    private string Program => EspeakNgOptions.From(configuration).Program;

    public string SettingsFingerprint => string.Join(';', EspeakPersona.All.Select(p => $"{p.Name}={p.Variant},{p.Pitch},{p.Rate}"));

    public async Task<EngineStatus> CheckAsync(CancellationToken cancellationToken)
    {
        if (ProgramLocator.Find(Program) is null)
            return EngineStatus.Missing($"'{Program}' is not installed or not on PATH", InstallHint);
        var result = await runner.RunAsync(new ProcessRequest(Program, ["--version"]) { Timeout = TimeSpan.FromSeconds(20) }, cancellationToken)
            .ConfigureAwait(false);
        if (!result.Succeeded) return EngineStatus.Missing($"'{Program} --version' failed: {result.StderrTail}", InstallHint);
        // "eSpeak NG text-to-speech: 1.51  Data at: ..."
        var words = result.StandardOutput.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var index = Array.IndexOf(words, "text-to-speech:");
        var version = index >= 0 && index + 1 < words.Length ? words[index + 1] : result.StandardOutput.Trim();
        var languages = await LanguagesAsync(cancellationToken).ConfigureAwait(false);
        return EngineStatus.Ready(version, $"{EspeakPersona.All.Count} voices, {languages.Codes.Count} languages");
    }

    public async Task<IReadOnlyList<VoiceInfo>> ListVoicesAsync(CancellationToken cancellationToken)
    {
        var languages = (await LanguagesAsync(cancellationToken).ConfigureAwait(false)).Codes;
        return EspeakPersona.All
            .Select(p => new VoiceInfo(p.Name, languages, p.Gender, p.RelativePitch,
                $"{p.Description} (espeak-ng variant +{p.Variant}, -p {p.Pitch}, -s {p.Rate})"))
            .ToList();
    }

    public async Task SynthesizeAsync(SpeechRequest request, EngineContext context)
    {
        var persona = EspeakPersona.Find(request.Voice)
            ?? throw new InputException($"Unknown espeak-ng voice '{request.Voice}'.",
                $"Use one of: {string.Join(", ", EspeakPersona.All.Select(p => p.Name))}.");
        var languages = await LanguagesAsync(context.CancellationToken).ConfigureAwait(false);
        var language = languages.VoiceFor(request.Language)
            ?? throw new InputException($"espeak-ng has no voice for the language '{request.Language}'.",
                $"Use another synthesis engine, or one of espeak-ng's languages: {string.Join(", ", languages.Codes.Take(40))}...");

        var (pitch, rate) = EspeakProsody.For(persona, request.Options);
        await AtomicFile.WriteAsync(request.OutputPath, async temporary =>
        {
            string[] arguments =
            [
                "-v", $"{language}+{persona.Variant}",
                "-p", pitch.ToString(CultureInfo.InvariantCulture),
                "-s", rate.ToString(CultureInfo.InvariantCulture),
                "-z", "-b", "1", "-w", temporary, "--stdin",
            ];
            var result = await runner.RunAsync(new ProcessRequest(Program, arguments)
            {
                StandardInput = request.Text,
                Timeout = TimeSpan.FromSeconds(60 + request.Text.Length / 20.0),
            }, context.CancellationToken).ConfigureAwait(false);
            if (!result.Succeeded || !File.Exists(temporary))
                throw new EngineFailedException(Name, $"could not speak \"{Preview(request.Text)}\" (exit code {result.ExitCode})",
                    "Check the text and the language; the espeak-ng message follows.", result.StderrTail);
        }).ConfigureAwait(false);
    }

    private async Task<EspeakLanguages> LanguagesAsync(CancellationToken cancellationToken)
    {
        if (_languages is not null) return _languages;
        await _languagesGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_languages is not null) return _languages;
            var result = await runner.RunAsync(new ProcessRequest(Program, ["--voices"]) { Timeout = TimeSpan.FromSeconds(30) }, cancellationToken)
                .ConfigureAwait(false);
            if (!result.Succeeded)
                throw new EngineUnavailableException(Name, Capability, $"'{Program} --voices' failed: {result.StderrTail}", InstallHint);
            return _languages = new EspeakLanguages(result.StandardOutput);
        }
        finally
        {
            _languagesGate.Release();
        }
    }

    internal static string Preview(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
