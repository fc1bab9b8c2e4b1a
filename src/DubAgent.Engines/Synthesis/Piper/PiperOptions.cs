using System.ComponentModel.DataAnnotations;
using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Synthesis;

/// <summary>Settings of the `piper` synthesizer, section "Piper" (DUBAGENT_PIPER__MODELDIRECTORY): one voice model, a folder of them, or both.</summary>
public sealed class PiperOptions
{
    public const string Section = "Piper";

    [Required]
    public string Program { get; set; } = "piper";

    /// <summary>One voice model (.onnx).</summary>
    public string? Model { get; set; }

    /// <summary>That model's .onnx.json; unset, the file beside it.</summary>
    public string? Config { get; set; }

    /// <summary>A folder of voice models, each .onnx with its .onnx.json.</summary>
    public string? ModelDirectory { get; set; }

    public static PiperOptions From(IConfiguration configuration) => configuration.GetOptions<PiperOptions>(Section);
}
