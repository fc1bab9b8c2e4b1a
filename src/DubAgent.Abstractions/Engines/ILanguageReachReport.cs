namespace DubAgent.Abstractions.Engines;

/// <summary>
/// The languages reachable here, per engine (installed pairs, pivots, installable packages, a configured chat model,
/// the voices), for hosts that do not know the engines themselves: the MCP `list_engines` tool.
/// </summary>
public interface ILanguageReachReport
{
    Task<IReadOnlyList<LanguageReachLine>> LinesAsync(CancellationToken cancellationToken);
}

/// <summary>One line of the report: what reaches (an engine and how, or "dub from en") and the languages.</summary>
public sealed record LanguageReachLine(string What, string Languages);
