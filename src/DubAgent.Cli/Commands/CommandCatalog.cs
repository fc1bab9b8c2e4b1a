using System.CommandLine;
using DubAgent.Cli.Hosting;

namespace DubAgent.Cli.Commands;

/// <summary>Every `dubagent` subcommand; each lives in its own file.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliHost host)
    {
        yield return DoctorCommand.Create(host);
        yield return DemoCommand.Create(host);
        yield return BenchCommand.Create(host);
        yield return ServeCommand.Create(host);
        yield return RunCommand.Create(host);
        yield return PipelinesCommand.Create(host);
        yield return ToolsCommand.Create(host);
        yield return CallCommand.Create(host);
        yield return VoicesCommand.Create(host);
        yield return PluginsCommand.Create(host);
        yield return ModelsCommand.Create(host);
        yield return WorkerCommand.Create(host);
        yield return ClusterCommand.Create(host);
    }
}
