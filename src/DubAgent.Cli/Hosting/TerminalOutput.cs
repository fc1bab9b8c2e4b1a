using Spectre.Console;

namespace DubAgent.Cli.Hosting;

/// <summary>Spectre.Console over a given writer: tables for people on stdout, progress bars on stderr.</summary>
public static class TerminalOutput
{
    public static IAnsiConsole For(TextWriter writer)
    {
        var isTerminal = (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected)
            || (ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        // Redirected output (CI logs, files) has no width; keep tables on one line per row.
        if (!isTerminal) console.Profile.Width = 200;
        return console;
    }
}
