using DubAgent.Cli.Demo;
using DubAgent.Core.Media;
using DubAgent.Core.Processes;

namespace DubAgent.Cli.Tests.Demo;

/// <summary>One demo, generated once for all the tests that look at it (it takes a few seconds of ffmpeg and espeak-ng).</summary>
public sealed class DemoFixture : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("dubagent-demo-test-").FullName;

    public DemoMedia Media { get; private set; } = null!;

    public ProcessRunner Runner { get; } = new();

    public MediaProbe Probe => new(Runner);

    public DemoGenerator Generator()
    {
        var ffmpeg = new Ffmpeg(Runner);
        return new DemoGenerator(Runner, ffmpeg, new AudioExtractor(ffmpeg, new MediaProbe(Runner)), new ProgramCatalog());
    }

    public string NewFolder(string name) => Path.Combine(_root, name);

    public async Task InitializeAsync() =>
        Media = await Generator().GenerateAsync(Path.Combine(_root, "demo folder é"), null, CancellationToken.None);

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoFixture>
{
    public const string Name = "demo media";
}
