using System.ComponentModel.DataAnnotations;
using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Transcription;

/// <summary>Settings of the `pocketsphinx` transcriber, section "Pocketsphinx" (DUBAGENT_POCKETSPHINX__MODELDIRECTORY, DUBAGENT_POCKETSPHINX__PARALLELISM).</summary>
public sealed class PocketsphinxOptions
{
    public const string Section = "Pocketsphinx";

    /// <summary>The acoustic model folder (Debian's pocketsphinx-en-us package installs it here).</summary>
    [Required]
    public string ModelDirectory { get; set; } = "/usr/share/pocketsphinx/model/en-us";

    /// <summary>pocketsphinx_batch runs working at once on one transcript (each decodes its share of the utterances); unset, the core count.</summary>
    [Range(1, 64)]
    public int? Parallelism { get; set; }

    public static PocketsphinxOptions From(IConfiguration configuration) => configuration.GetOptions<PocketsphinxOptions>(Section);
}
