using DubAgent.Core.Hosting;
using DubAgent.Core.Media;
using DubAgent.Core.Workspace;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Core.Tests.Media;

/// <summary>
/// The job's hasher and the media layer share one memo: a file hashed by one is not read again by the other. Shown by
/// changing the bytes while keeping size and time: a memo that was used answers with the first hash.
/// </summary>
public sealed class SharedContentHashesTests : IDisposable
{
    private readonly MediaTestFolder _media = new();

    [Fact]
    public async Task A_file_the_job_hashed_is_not_read_again_by_the_media_layer()
    {
        var file = Write("input.bin", "first content");
        var shared = new FileContentHashes();
        var job = await new ContentHasher(null, shared).HashAsync(file, CancellationToken.None);

        ChangeBytesKeepingStamp(file, "other content");

        Assert.Equal(job, await shared.HashAsync(file, CancellationToken.None));
        Assert.NotEqual(job, await FileContentHashes.ComputeAsync(file, CancellationToken.None));
    }

    [Fact]
    public async Task A_file_the_media_layer_hashed_is_not_read_again_by_the_job()
    {
        var file = Write("input.bin", "first content");
        var shared = new FileContentHashes();
        var media = await shared.HashAsync(file, CancellationToken.None);

        ChangeBytesKeepingStamp(file, "other content");

        Assert.Equal(media, await new ContentHasher(null, shared).HashAsync(file, CancellationToken.None));
    }

    [Fact]
    public async Task Hashes_a_job_stored_seed_the_media_layer_and_a_changed_file_is_hashed_again()
    {
        var file = Write("input.bin", "first content");
        var store = _media.PathOf("hashes.json");
        var first = new ContentHasher(store);
        var stored = await first.HashAsync(file, CancellationToken.None);
        first.Save();

        var shared = new FileContentHashes();
        _ = new ContentHasher(store, shared);
        ChangeBytesKeepingStamp(file, "other content");
        Assert.Equal(stored, await shared.HashAsync(file, CancellationToken.None));

        File.WriteAllText(file, "a longer, different content");
        Assert.Equal(await FileContentHashes.ComputeAsync(file, CancellationToken.None), await shared.HashAsync(file, CancellationToken.None));
    }

    [Fact]
    public void The_host_gives_the_probe_the_process_memo()
    {
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build()).AddLogging()
            .AddDubAgentCore().BuildServiceProvider();
        Assert.Same(services.GetRequiredService<FileContentHashes>(), services.GetRequiredService<MediaProbe>().Hashes);
    }

    private string Write(string name, string text)
    {
        var path = _media.PathOf(name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Same length, same modification time, other bytes: only a memo can still answer with the old hash.</summary>
    private static void ChangeBytesKeepingStamp(string path, string text)
    {
        var stamp = File.GetLastWriteTimeUtc(path);
        Assert.Equal(new FileInfo(path).Length, text.Length);
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, stamp);
    }

    public void Dispose() => _media.Dispose();
}
