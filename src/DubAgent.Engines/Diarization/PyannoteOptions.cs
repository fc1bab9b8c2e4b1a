using System.ComponentModel.DataAnnotations;
using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Diarization;

/// <summary>Settings of the `pyannote` diarizer, section "Pyannote" (DUBAGENT_PYANNOTE__DEVICE).</summary>
public sealed class PyannoteOptions
{
    public const string Section = "Pyannote";

    /// <summary>The Python that has pyannote.audio installed.</summary>
    [Required]
    public string Python { get; set; } = "python3";

    /// <summary>The pretrained pipeline on Hugging Face.</summary>
    [Required]
    public string Model { get; set; } = "pyannote/speaker-diarization-3.1";

    /// <summary>The diarization script; unset, the one installed beside DubAgent.</summary>
    public string? Script { get; set; }

    /// <summary>cpu, cuda, mps; unset, pyannote chooses.</summary>
    public string? Device { get; set; }

    public static PyannoteOptions From(IConfiguration configuration) => configuration.GetOptions<PyannoteOptions>(Section);
}
