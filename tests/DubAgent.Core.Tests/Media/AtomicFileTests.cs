using DubAgent.Core.Media;

namespace DubAgent.Core.Tests.Media;

public sealed class AtomicFileTests : IDisposable
{
    private readonly MediaTestFolder _media = new();

    [Fact]
    public async Task A_failed_write_leaves_the_old_file_and_no_temporary()
    {
        var path = _media.PathOf("result.txt");
        File.WriteAllText(path, "old");
        await Assert.ThrowsAsync<InvalidOperationException>(() => AtomicFile.WriteAsync(path, async temporary =>
        {
            await File.WriteAllTextAsync(temporary, "half");
            throw new InvalidOperationException("boom");
        }));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_media.Root));
    }

    [Fact]
    public void The_temporary_name_is_hidden_beside_the_target_and_keeps_the_extension()
    {
        var path = _media.PathOf("sub/video.mp4");
        var temporary = AtomicFile.TemporaryPathFor(path);
        Assert.Equal(Path.GetDirectoryName(Path.GetFullPath(path)), Path.GetDirectoryName(temporary));
        Assert.StartsWith(".video.", Path.GetFileName(temporary));
        Assert.EndsWith(".partial.mp4", temporary);
    }

    [Fact]
    public void Write_all_text_replaces_the_content()
    {
        var path = _media.PathOf("a.json");
        AtomicFile.WriteAllText(path, "one");
        AtomicFile.WriteAllText(path, "two");
        Assert.Equal("two", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_media.Root));
    }

    public void Dispose() => _media.Dispose();
}
