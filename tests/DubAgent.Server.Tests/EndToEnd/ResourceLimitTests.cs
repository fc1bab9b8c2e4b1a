using DubAgent.Server.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace DubAgent.Server.Tests.EndToEnd;

/// <summary>
/// Large job files as resources: a dub's mix.wav (17.3 MB for the one-minute demo) comes back whole under the default
/// limit; over the configured limit the refusal names the size, the file's path and the option that raises it.
/// </summary>
public sealed class ResourceLimitTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_mix_the_size_of_the_demo_dubs_is_read_whole_under_the_default_limit()
    {
        await using var connection = await PipeConnection.OpenAsync(TestServices.Server(_temp));
        var uri = await WriteIntoJobAsync(connection, "mix.wav", 18 * 1024 * 1024);

        var read = await connection.Client.ReadResourceAsync(uri);

        var blob = Assert.IsType<BlobResourceContents>(Assert.Single(read.Contents));
        Assert.Equal("audio/wav", blob.MimeType);
        Assert.Equal(18 * 1024 * 1024, blob.DecodedData.Length);
    }

    [Fact]
    public async Task A_file_over_the_configured_limit_is_refused_with_its_path_and_the_option()
    {
        await using var connection = await PipeConnection.OpenAsync(TestServices.Server(_temp, configure: o => o.MaxResourceBytes = 1024 * 1024));
        var small = await WriteIntoJobAsync(connection, "small.wav", 512 * 1024);
        var big = await WriteIntoJobAsync(connection, "big.wav", 2 * 1024 * 1024);

        Assert.Equal(512 * 1024, Assert.IsType<BlobResourceContents>(Assert.Single((await connection.Client.ReadResourceAsync(small)).Contents)).DecodedData.Length);
        var refused = await Assert.ThrowsAsync<McpProtocolException>(() => connection.Client.ReadResourceAsync(big).AsTask());
        Assert.Equal(McpErrorCode.InvalidParams, refused.ErrorCode);
        Assert.Contains("big.wav", refused.Message);
        Assert.Contains(Path.Combine(_temp.Path, "jobs"), refused.Message);
        Assert.Contains("--max-resource-mb", refused.Message);
    }

    /// <summary>A job made by a real call, with a file of that size written into its step folder; its resource address.</summary>
    private async Task<string> WriteIntoJobAsync(PipeConnection connection, string name, int bytes)
    {
        var video = TestMedia.Video(_temp.Sub("media"));
        var call = await connection.Client.CallToolAsync("probe_test_media", new Dictionary<string, object?> { ["input"] = video });
        var link = Assert.Single(call.Content.OfType<ResourceLinkBlock>()).Uri;
        var folder = Path.Combine(_temp.Path, "jobs", call.JobId(), "probe_test_media");
        await File.WriteAllBytesAsync(Path.Combine(folder, name), new byte[bytes]);
        return link[..(link.LastIndexOf('/') + 1)] + name;
    }
}
