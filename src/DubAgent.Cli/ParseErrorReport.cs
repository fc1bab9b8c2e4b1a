using System.CommandLine;

namespace DubAgent.Cli;

/// <summary>A command line the parser rejects: one line per problem and a hint naming the help command (exit code 2).</summary>
public static class ParseErrorReport
{
    public static int Print(ParseResult parsed, TextWriter stderr)
    {
        foreach (var error in parsed.Errors.Select(e => e.Message).Distinct()) stderr.WriteLine($"error: {error}");
        stderr.WriteLine($"hint: run `{CommandPath(parsed.CommandResult.Command)} --help` to see what it accepts.");
        return 2;
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (var c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
            names.Insert(0, c is RootCommand ? "dubagent" : c.Name);
        return string.Join(' ', names);
    }
}
