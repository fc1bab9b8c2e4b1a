using DubAgent.Abstractions.Errors;
using DubAgent.Core.Paths;
using DubAgent.Abstractions.Tools;
using DubAgent.Server.Tests.Support;

namespace DubAgent.Server.Tests.Roots;

public sealed class RootsPathPolicyTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Allows_files_inside_a_root_including_ones_not_written_yet()
    {
        var root = _temp.Sub("root");
        File.WriteAllText(Path.Combine(root, "a.txt"), "x");
        var policy = new RootsPathPolicy([root]);
        Assert.Equal(Path.Combine(root, "a.txt"), policy.CheckRead(Path.Combine(root, "a.txt"), "input"));
        Assert.Equal(Path.Combine(root, "new", "out.wav"), policy.CheckWrite(Path.Combine(root, "new", "out.wav"), "output"));
        Assert.Equal(Path.Combine(root, "a.txt"), policy.CheckRead("a.txt", "input"));
        Assert.Equal(Path.Combine(root, "a.txt"), policy.CheckRead(new Uri(Path.Combine(root, "a.txt")).AbsoluteUri, "input"));
    }

    [Fact]
    public void Refuses_paths_outside_and_dot_dot_escapes_naming_the_argument_and_the_roots()
    {
        var root = _temp.Sub("root");
        var policy = new RootsPathPolicy([root]);
        var outside = Assert.Throws<InputException>(() => policy.CheckRead("/etc/passwd", "input"));
        Assert.Contains("input '/etc/passwd' is outside the folders this server may read", outside.Message);
        Assert.Contains(root, outside.Hint);
        var climb = Assert.Throws<InputException>(() => policy.CheckWrite(Path.Combine(root, "..", "x.wav"), "output"));
        Assert.Contains("'..' climbs out", climb.Message);
        Assert.Contains("may write", climb.Message);
        // A sibling whose name starts like the root is not inside it.
        Assert.Throws<InputException>(() => policy.CheckRead(root + "-other/a.txt", "input"));
    }

    [Fact]
    public void Follows_symbolic_links_of_files_and_folders()
    {
        var root = _temp.Sub("root");
        var outside = _temp.Sub("outside");
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "x");
        File.CreateSymbolicLink(Path.Combine(root, "file-link.txt"), Path.Combine(outside, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(root, "folder-link"), outside);
        var inner = _temp.Sub("root/inner");
        File.CreateSymbolicLink(Path.Combine(root, "inside-link.txt"), Path.Combine(inner, "ok.txt"));
        var policy = new RootsPathPolicy([root]);

        Assert.Contains("symbolic link", Assert.Throws<InputException>(() => policy.CheckRead(Path.Combine(root, "file-link.txt"), "input")).Message);
        Assert.Contains("symbolic link", Assert.Throws<InputException>(() => policy.CheckWrite(Path.Combine(root, "folder-link", "new.wav"), "output")).Message);
        Assert.Equal(Path.Combine(root, "inside-link.txt"), policy.CheckRead(Path.Combine(root, "inside-link.txt"), "input"));
    }

    [Fact]
    public void A_root_that_is_itself_a_link_still_works()
    {
        var real = _temp.Sub("real");
        var link = Path.Combine(_temp.Path, "link-root");
        Directory.CreateSymbolicLink(link, real);
        var policy = new RootsPathPolicy([link]);
        Assert.Equal(Path.Combine(link, "a.wav"), policy.CheckWrite(Path.Combine(link, "a.wav"), "output"));
    }

    [Fact]
    public void Without_roots_everything_is_refused_with_the_way_to_allow_a_folder()
    {
        var policy = new RootsPathPolicy([]);
        var e = Assert.Throws<InputException>(() => policy.CheckRead("video.mp4", "input"));
        Assert.Contains("--root", e.Hint);
    }
}
