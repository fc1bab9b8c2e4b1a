namespace DubAgent.Core.Processes;

/// <summary>An external program DubAgent knows: how to ask its version and how to install it.</summary>
/// <param name="Name">Executable name on PATH.</param>
/// <param name="Purpose">What DubAgent uses it for.</param>
/// <param name="VersionArguments">Arguments that print its version.</param>
/// <param name="InstallCommand">The exact command that installs it.</param>
/// <param name="Required">DubAgent cannot work at all without it.</param>
public sealed record ExternalProgram(string Name, string Purpose, IReadOnlyList<string> VersionArguments, string InstallCommand, bool Required = false);

/// <summary>Every external program the product knows; `dubagent doctor` reports each.</summary>
public sealed class ProgramCatalog
{
    public const string AptInstall = "sudo apt-get update && sudo apt-get install -y";

    public IReadOnlyList<ExternalProgram> Programs { get; } =
    [
        new("ffmpeg", "media decoding, filters, mixing and muxing", ["-version"], $"{AptInstall} ffmpeg", Required: true),
        new("ffprobe", "media probing", ["-version"], $"{AptInstall} ffmpeg", Required: true),
        new("espeak-ng", "speech synthesis (built-in voices)", ["--version"], $"{AptInstall} espeak-ng"),
        new("apertium", "offline machine translation", ["-V"], $"{AptInstall} apertium apertium-eng-spa"),
        // Debian 12 ships pocketsphinx 5prealpha, whose programs are pocketsphinx_batch/_continuous (no version flag).
        new("pocketsphinx_batch", "English speech recognition of VAD regions (built-in pocketsphinx engine)", [], $"{AptInstall} pocketsphinx pocketsphinx-en-us"),
        new("sox", "audio measurement in tests", ["--version"], $"{AptInstall} sox"),
        new("rubberband", "pitch-preserving time stretch", ["--version"], $"{AptInstall} rubberband-cli"),
        new("demucs", "stem separation (Demucs models)", ["--help"], "pip install demucs"),
        new("audio-separator", "stem separation (UVR MDX-Net models)", ["--version"], "pip install \"audio-separator[cpu]\""),
        new("whisper-cli", "speech recognition (whisper.cpp)", ["--help"], "build whisper.cpp (https://github.com/ggml-org/whisper.cpp) and put whisper-cli on PATH"),
        new("piper", "speech synthesis (Piper voices)", ["--help"], "pip install piper-tts"),
        new("python3", "runs the pyannote diarization script", ["--version"], $"{AptInstall} python3"),
    ];

    public ExternalProgram? Find(string name)
    {
        var file = Path.GetFileName(name);
        return Programs.FirstOrDefault(p => p.Name == file);
    }
}
