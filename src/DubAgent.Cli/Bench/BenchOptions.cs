using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Cli.Bench;

/// <summary>The "Bench" section of `dubagent bench`.</summary>
public sealed class BenchOptions
{
    public const string Section = "Bench";

    /// <summary>Where the bench keeps its demo media; unset, ~/.cache/dubagent/bench-demo.</summary>
    public string? DemoDirectory { get; set; }

    public static BenchOptions From(IConfiguration configuration) => configuration.GetOptions<BenchOptions>(Section);
}
