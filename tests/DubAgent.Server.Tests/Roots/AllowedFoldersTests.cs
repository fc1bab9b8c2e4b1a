using DubAgent.Server.Roots;
using DubAgent.Server.Tests.Support;

namespace DubAgent.Server.Tests.Roots;

/// <summary>Issue 13: over HTTP a client's roots narrow --root; over stdio they add to it.</summary>
public sealed class AllowedFoldersTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Over_http_the_whole_disk_announced_as_a_root_adds_nothing()
    {
        var videos = _temp.Sub("videos");
        Assert.Equal([videos], AllowedFolders.Of([videos], ["/"], clientRootsNarrow: true));
    }

    [Fact]
    public void Over_http_a_client_root_inside_root_narrows_it_and_one_outside_is_ignored()
    {
        var videos = _temp.Sub("videos");
        var project = _temp.Sub(Path.Combine("videos", "project"));
        var other = _temp.Sub("other");
        Assert.Equal([project], AllowedFolders.Of([videos], [project, other], clientRootsNarrow: true));
        Assert.Empty(AllowedFolders.Of([videos], [other], clientRootsNarrow: true));
    }

    [Fact]
    public void Over_http_a_client_without_roots_gets_root_and_over_stdio_roots_add()
    {
        var videos = _temp.Sub("videos");
        var other = _temp.Sub("other");
        Assert.Equal([videos], AllowedFolders.Of([videos], [], clientRootsNarrow: true));
        Assert.Equal([videos, other], AllowedFolders.Of([videos], [other], clientRootsNarrow: false));
    }
}
