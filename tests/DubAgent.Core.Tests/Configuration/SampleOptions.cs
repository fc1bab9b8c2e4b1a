using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Core.Tests.Configuration;

/// <summary>An options class with one key of every shape the check knows: values with rules, a list, a free section, a nested section.</summary>
public sealed class SampleOptions
{
    [Range(0.0, 1.0)]
    public double Share { get; set; } = 0.1;

    [Range(1, int.MaxValue)]
    public int? Threads { get; set; }

    [Required]
    public string Program { get; set; } = "sample";

    [Url]
    public string? BaseUrl { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>A secret by its name (it holds "token"): its value is never shown.</summary>
    [Url]
    public string? TokenEndpoint { get; set; }

    public List<string> Folders { get; set; } = [];

    public IConfigurationSection? Voices { get; set; }

    public SampleInner Inner { get; set; } = new();

    /// <summary>Computed, not settable: not a key.</summary>
    public bool HasFolders => Folders.Count > 0;
}

public sealed class SampleInner
{
    public bool Loud { get; set; }
}
