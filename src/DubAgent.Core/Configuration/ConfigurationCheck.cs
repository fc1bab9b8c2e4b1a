using DubAgent.Abstractions.Errors;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Core.Configuration;

/// <summary>
/// The start-up check of a configuration against the options classes that declare its sections, so a typo or a value
/// of the wrong type stops the command before any work instead of being ignored or failing minutes into a run.
/// Top-level sections no class declares are left alone: a plugin may read its own.
/// </summary>
public static class ConfigurationCheck
{
    /// <param name="sourceOf">Where a key's value was set ("by --config", "in /home/me/dubagent.json"), when the host knows.</param>
    public static IReadOnlyList<ConfigurationProblem> Problems(IConfiguration configuration, IEnumerable<OptionsSection> sections,
        Func<string, string?>? sourceOf = null)
    {
        var check = new OptionsSectionCheck(sourceOf ?? (_ => null));
        foreach (var section in sections.DistinctBy(s => s.Path, StringComparer.OrdinalIgnoreCase))
            check.Check(configuration.GetSection(section.Path), section.OptionsType, section.Path);
        return check.Problems;
    }

    /// <summary>The problems as one input error: the first one in full, and how to see the others.</summary>
    public static InputException ToException(IReadOnlyList<ConfigurationProblem> problems)
    {
        ArgumentOutOfRangeException.ThrowIfZero(problems.Count);
        var first = problems[0];
        var others = problems.Count - 1;
        var more = others switch
        {
            0 => "",
            1 => " There is 1 more configuration problem: `dubagent doctor` lists them all.",
            _ => $" There are {others} more configuration problems: `dubagent doctor` lists them all.",
        };
        return new InputException(first.Message, first.Hint + more);
    }
}
