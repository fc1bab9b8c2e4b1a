using System.Security.Cryptography;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Models;
using DubAgent.Core.Models;

namespace DubAgent.Core.Tests.Models;

/// <summary>
/// A model its publisher pins by size and MD5 (Piper's voices.json): checked against those before it is renamed into
/// place, its SHA-256 recorded beside it, and later checks made against that SHA-256.
/// </summary>
public sealed class Md5PinnedModelTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dubagent-md5-models-").FullName;
    private readonly byte[] _content = RandomNumberGenerator.GetBytes(200_000);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private string ModelsFolder => Path.Combine(_folder, "models");

    private ModelEntry EntryFor(string url, string? md5 = null, long? size = null) =>
        new("voice", "piper", "voice.onnx", url, null, size ?? _content.Length, "see MODEL_CARD", "a test voice",
            md5 ?? Convert.ToHexStringLower(MD5.HashData(_content)));

    private ModelStore Store(ModelEntry entry) =>
        new(new ModelStoreOptions { Directory = ModelsFolder, Attempts = 1, ConnectTimeout = TimeSpan.FromSeconds(2) }, [entry]);

    /// <summary>What the pull left in the models folder, besides its lock.</summary>
    private string[] Kept() => Directory.Exists(ModelsFolder)
        ? Directory.GetFiles(ModelsFolder).Select(f => Path.GetFileName(f)).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)).Order().ToArray()
        : [];

    [Fact]
    public async Task A_download_with_the_publishers_size_and_md5_is_stored_with_its_sha256_recorded_beside_it()
    {
        using var server = new ModelFileServer(_content);
        using var store = Store(EntryFor(server.Url));

        var path = await store.PullAsync("voice", null, CancellationToken.None);

        Assert.Equal(_content, await File.ReadAllBytesAsync(path));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(_content));
        Assert.Equal($"{sha256}  voice.onnx\n", await File.ReadAllTextAsync(path + ".sha256"));
        Assert.Equal(["voice.onnx", "voice.onnx.sha256"], Kept());
        Assert.Equal(path, store.Find("voice"));
        var check = Assert.Single(await store.VerifyAsync(null, CancellationToken.None));
        Assert.True(check.Ok, check.Detail);
        Assert.Contains("recorded", check.Detail);
    }

    [Fact]
    public async Task A_download_whose_md5_is_not_the_publishers_is_refused_and_nothing_is_kept()
    {
        using var server = new ModelFileServer(_content);
        using var store = Store(EntryFor(server.Url, md5: Convert.ToHexStringLower(MD5.HashData(_content.Reverse().ToArray()))));

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => store.PullAsync("voice", null, CancellationToken.None));

        Assert.Contains("MD5", error.Message);
        Assert.Contains("not the publisher's", error.Message);
        Assert.Contains("removed", error.Message);
        Assert.Empty(Kept());
        Assert.Null(store.Find("voice"));
    }

    [Fact]
    public async Task A_download_of_another_size_is_refused_and_nothing_is_kept()
    {
        using var server = new ModelFileServer(_content);
        using var store = Store(EntryFor(server.Url, size: _content.Length + 1));

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => store.PullAsync("voice", null, CancellationToken.None));

        Assert.Contains($"offers {_content.Length} bytes but the catalog expects {_content.Length + 1}", error.Message);
        Assert.Empty(Kept());
        Assert.Null(store.Find("voice"));
    }

    [Fact]
    public async Task A_stored_file_damaged_later_is_found_by_its_recorded_sha256_and_one_without_a_record_is_not_present()
    {
        using var server = new ModelFileServer(_content);
        using var store = Store(EntryFor(server.Url));
        var path = await store.PullAsync("voice", null, CancellationToken.None);

        var damaged = (byte[])_content.Clone();
        damaged[4321] ^= 0x01;
        await File.WriteAllBytesAsync(path, damaged);
        var check = Assert.Single(await store.VerifyAsync(null, CancellationToken.None));
        Assert.False(check.Ok);
        Assert.Contains("not the one recorded when it was downloaded", check.Detail);

        File.Delete(path + ".sha256");
        Assert.Null(store.Find("voice"));
        var unrecorded = Assert.Single(await store.VerifyAsync(null, CancellationToken.None));
        Assert.False(unrecorded.Ok);
        Assert.Contains("no SHA-256 was recorded", unrecorded.Detail);

        Assert.True(await store.RemoveAsync("voice", CancellationToken.None));
        Assert.Empty(Kept());
    }

    [Fact]
    public async Task Add_recognises_a_file_by_the_publishers_md5_and_size_and_records_its_sha256()
    {
        using var store = Store(EntryFor("https://example.invalid/never-contacted.onnx"));
        var file = Path.Combine(_folder, "downloaded.onnx");
        await File.WriteAllBytesAsync(file, _content);
        var other = Path.Combine(_folder, "other.onnx");
        await File.WriteAllBytesAsync(other, _content.Reverse().ToArray());

        var wrong = await Assert.ThrowsAsync<InputException>(() => store.AddAsync(other, "voice", null, CancellationToken.None));
        Assert.Contains("MD5", wrong.Message);
        var added = await store.AddAsync(file, null, null, CancellationToken.None);

        Assert.Equal("voice", added.Id);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(_content)), RecordedSha256.Read(store.PathOf(added)));
        Assert.NotNull(store.Find("voice"));
    }
}
