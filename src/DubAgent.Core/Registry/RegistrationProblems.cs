namespace DubAgent.Core.Registry;

/// <summary>
/// What the registries and the plugin loader refused (name clashes, plugins that failed to load), kept so that
/// `dubagent doctor`, `dubagent plugins` and the log can say so while the host keeps running.
/// </summary>
public sealed class RegistrationProblems
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> All
    {
        get { lock (_problems) return _problems.ToList(); }
    }

    public void Add(string problem)
    {
        lock (_problems) _problems.Add(problem);
    }
}
