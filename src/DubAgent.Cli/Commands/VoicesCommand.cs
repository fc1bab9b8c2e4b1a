using System.CommandLine;
using DubAgent.Cli.Hosting;

namespace DubAgent.Cli.Commands;

/// <summary>
/// `dubagent voices`: the voice library (list, show, create, add, assign, delete) and the voices each engine offers (engine).
/// </summary>
public static class VoicesCommand
{
    public static Command Create(CliHost host) => new("voices", "The voice library: actors remembered across jobs, their voices per language, cloned voices and consents.")
    {
        VoicesLibraryCommands.List(host),
        VoicesLibraryCommands.Show(host),
        VoicesCreateCommand.Create(host),
        VoicesAddCommand.Create(host),
        VoicesLibraryCommands.Assign(host),
        VoicesLibraryCommands.Delete(host),
        VoicesEngineCommand.Create(host),
    };
}
