using DubAgent.Abstractions.Engines;
using DubAgent.Core.Configuration;
using DubAgent.Core.Processes;
using DubAgent.Engines.Languages;
using DubAgent.Engines.Translation.Apertium;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Cli.Doctor;

/// <summary>What `dubagent doctor` found: programs, engines, and the effective configuration.</summary>
public sealed record DoctorReport(
    bool Ok,
    IReadOnlyList<ProgramReport> Programs,
    IReadOnlyList<EngineReport> Engines,
    IReadOnlyDictionary<string, string> Configuration)
{
    /// <summary>Loaded plugins: name, version, where from.</summary>
    public IReadOnlyList<string> Plugins { get; init; } = [];

    /// <summary>Plugins (or their tools and engines) that were refused, and why: the host runs on without them.</summary>
    public IReadOnlyList<string> PluginProblems { get; init; } = [];

    /// <summary>The languages the engines that can run here translate, speak, and so dub into.</summary>
    public ReachSummary? Languages { get; init; }

    /// <summary>Unknown keys, bad values and malformed --config entries: every other command refuses to start with them.</summary>
    public IReadOnlyList<ConfigurationProblem> ConfigurationProblems { get; init; } = [];

    /// <summary>Every options section's keys as bound, defaults included, secrets masked (<see cref="SettingsView"/>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Required programs (ffmpeg, ffprobe) that are missing: without them nothing works.</summary>
    public IEnumerable<ProgramReport> MissingRequired => Programs.Where(p => p.Required && !p.Found);

    public static async Task<DoctorReport> CollectAsync(ProgramCatalog catalog, IProcessRunner runner, IEngineRegistry engines,
        IConfiguration configuration, CancellationToken cancellationToken)
    {
        var check = new ProgramCheck(runner);
        var programs = await Task.WhenAll(catalog.Programs.Select(p => check.CheckAsync(p, cancellationToken))).ConfigureAwait(false);
        var engineReports = await EngineReport.AllAsync(engines, cancellationToken).ConfigureAwait(false);
        var ok = !programs.Any(p => p.Required && !p.Found);
        var packages = new ApertiumPairPackages(runner);
        var languages = await new LanguageReach(engines, new UnreachableLanguage(engines, packages), new EngineReachRows(engines, packages))
            .SummaryAsync(cancellationToken).ConfigureAwait(false);
        return new DoctorReport(ok, programs, engineReports, ConfigurationView.Effective(configuration)) { Languages = languages };
    }
}
