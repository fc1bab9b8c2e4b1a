using DubAgent.Core.Processes;

namespace DubAgent.Engines.Tests.Reach;

/// <summary>
/// The real process runner, except that `apt-cache search` answers with lines recorded from Debian 12 (a machine's apt
/// lists may be empty, so the hint tests do not depend on them).
/// </summary>
public sealed class RecordedAptCache : IProcessRunner
{
    public const string Output = """
        apertium-dev - Development tools and library for Apertium
        apertium-en-ca - Transitional dummy package for apertium-eng-cat
        apertium-eng-cat - Apertium translation data for the English-Catalan pair
        apertium-en-es - Transitional dummy package for apertium-eng-spa
        apertium-eng-spa - Apertium translation data for the English-Spanish pair
        apertium-es-pt - Apertium translation data for the Spanish-Portuguese pair
        apertium-hin - Apertium single language data for Hindi
        apertium-lex-tools - Constraint-based lexical selection module
        apertium-spa-cat - Apertium translation data for the Spanish-Catalan pair
        """;

    private readonly ProcessRunner _real = new();

    public int Searches { get; private set; }

    public Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
    {
        if (request.Program != "apt-cache") return _real.RunAsync(request, cancellationToken);
        Searches++;
        return Task.FromResult(new ProcessResult(0, Output, "", TimeSpan.Zero));
    }
}
