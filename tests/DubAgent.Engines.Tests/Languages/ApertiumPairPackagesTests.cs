using DubAgent.Abstractions.Errors;
using DubAgent.Core.Processes;
using DubAgent.Engines.Translation.Apertium;

namespace DubAgent.Engines.Tests.Reach;

public sealed class ApertiumPairPackagesTests
{
    [Fact]
    public void Parses_pair_packages_and_skips_dummies_tools_and_single_languages()
    {
        var packages = ApertiumPairPackages.Parse(RecordedAptCache.Output);
        Assert.Contains(new ApertiumPairPackage("apertium-eng-cat", "en", "ca"), packages);
        Assert.Contains(new ApertiumPairPackage("apertium-es-pt", "es", "pt"), packages);
        Assert.DoesNotContain(packages, p => p.Name is "apertium-en-ca" or "apertium-lex-tools" or "apertium-hin" or "apertium-dev");
    }

    [Fact]
    public async Task Finds_the_package_of_a_pair_in_either_direction_or_every_package_with_the_target()
    {
        var packages = new ApertiumPairPackages(new RecordedAptCache());
        Assert.Equal(["apertium-eng-cat"], await packages.ForAsync("en", "ca", CancellationToken.None));
        Assert.Equal(["apertium-eng-cat"], await packages.ForAsync("ca-ES", "en", CancellationToken.None));
        Assert.Equal(["apertium-eng-cat", "apertium-spa-cat"], await packages.ForAsync(null, "ca", CancellationToken.None));
        Assert.Empty(await packages.ForAsync("en", "ja", CancellationToken.None));
    }

    [Fact]
    public async Task Without_apt_cache_there_are_none_and_no_error()
    {
        var packages = new ApertiumPairPackages(new MissingProgram());
        Assert.Empty(await packages.AllAsync(CancellationToken.None));
    }

    private sealed class MissingProgram : IProcessRunner
    {
        public Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken) =>
            throw new EngineUnavailableException(request.Program, "program", "not found", "install it");
    }
}
