using System.ComponentModel.DataAnnotations;

namespace DubAgent.Core.Models;

/// <summary>The keys of the "Models" section as configuration spells them, declared so the start-up check knows them.</summary>
public sealed class ModelsSection
{
    public const string Section = "Models";

    /// <summary>The models folder (default $XDG_CACHE_HOME/dubagent/models).</summary>
    public string? Directory { get; set; }

    /// <summary>Whether an engine may download a missing model when a run needs it.</summary>
    public bool AutoDownload { get; set; } = true;

    /// <summary>An extra catalog file (JSON array of models) whose entries are added or replace by id.</summary>
    public string? Catalog { get; set; }

    [Range(0.1, 600)]
    public double ConnectTimeoutSeconds { get; set; } = 5;

    [Range(0.1, 3600)]
    public double ReadTimeoutSeconds { get; set; } = 30;

    [Range(1, 100)]
    public int Attempts { get; set; } = 3;
}
