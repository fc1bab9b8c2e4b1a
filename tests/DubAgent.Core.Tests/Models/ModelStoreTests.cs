using System.Security.Cryptography;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Models;
using DubAgent.Core.Models;

namespace DubAgent.Core.Tests.Models;

/// <summary>The model store against a local HTTP server: download, resume, checksum, errors, one download at a time.</summary>
public sealed class ModelStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dubagent-models-").FullName;
    private readonly byte[] _content = RandomNumberGenerator.GetBytes(300_000);

    private string ModelsFolder => Path.Combine(_folder, "models");

    private ModelEntry EntryFor(string url, string? sha256 = null) =>
        new("test-model", "whisper", "test-model.bin", url, sha256 ?? Convert.ToHexStringLower(SHA256.HashData(_content)), _content.Length, "MIT", "a test file");

    private ModelStore Store(ModelEntry entry, bool autoDownload = true, int attempts = 3, double readTimeoutSeconds = 30) =>
        new(new ModelStoreOptions
        {
            Directory = ModelsFolder,
            AutoDownload = autoDownload,
            Attempts = attempts,
            ReadTimeout = TimeSpan.FromSeconds(readTimeoutSeconds),
            ConnectTimeout = TimeSpan.FromSeconds(2),
        }, [entry]);

    [Fact]
    public async Task A_pull_downloads_checks_and_renames_into_place()
    {
        using var server = new ModelFileServer(_content);
        using var store = Store(EntryFor(server.Url));
        Assert.Null(store.Find("test-model"));
        var fractions = new List<double>();

        var path = await store.RequireAsync("test-model", new SyncProgress(u => { if (u.Fraction is { } f) fractions.Add(f); }), CancellationToken.None);

        Assert.Equal(_content, await File.ReadAllBytesAsync(path));
        Assert.Equal(path, store.Find("TEST-MODEL"));
        Assert.False(File.Exists(path + ".partial"));
        Assert.Equal(1.0, fractions[^1]);
        Assert.True(store.List().Single().Present);
    }

    [Fact]
    public async Task A_cut_connection_is_resumed_with_a_range_request()
    {
        using var server = new ModelFileServer(_content) { CutRequests = 1, CutAfterBytes = 100_000 };
        using var store = Store(EntryFor(server.Url));

        var path = await store.PullAsync("test-model", null, CancellationToken.None);

        Assert.Equal(_content, await File.ReadAllBytesAsync(path));
        Assert.Equal(2, server.Ranges.Count);
        Assert.Null(server.Ranges[0]);
        var resumedAt = long.Parse(server.Ranges[1]!["bytes=".Length..].TrimEnd('-'));
        Assert.InRange(resumedAt, 1, 100_000);
        Assert.True(server.BytesSent < 2 * _content.Length, "the second request sent only the rest");
    }

    [Fact]
    public async Task A_failed_pull_keeps_its_partial_file_and_the_next_pull_resumes_it()
    {
        using var server = new ModelFileServer(_content) { CutRequests = 1, CutAfterBytes = 150_000 };
        using (var first = Store(EntryFor(server.Url), attempts: 1))
        {
            var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => first.PullAsync("test-model", null, CancellationToken.None));
            Assert.Contains("did not complete", error.Message);
        }
        var partial = Path.Combine(ModelsFolder, "test-model.bin.partial");
        Assert.True(new FileInfo(partial).Length > 0);
        Assert.Equal(new FileInfo(partial).Length, Assert.Single(Store(EntryFor(server.Url)).List()).PartialBytes);

        using var second = Store(EntryFor(server.Url), attempts: 1);
        var path = await second.PullAsync("test-model", null, CancellationToken.None);

        Assert.Equal(_content, await File.ReadAllBytesAsync(path));
        Assert.StartsWith("bytes=", server.Ranges[1]);
        Assert.False(File.Exists(partial));
    }

    [Fact]
    public async Task A_checksum_mismatch_removes_the_download_and_says_so()
    {
        using var server = new ModelFileServer(_content);
        using var store = Store(EntryFor(server.Url, sha256: new string('0', 64)));

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => store.PullAsync("test-model", null, CancellationToken.None));

        Assert.Contains("SHA-256", error.Message);
        Assert.Contains("removed", error.Message);
        Assert.DoesNotContain(Directory.GetFiles(ModelsFolder, "test-model.bin*"), f => !f.EndsWith(".lock", StringComparison.Ordinal));
        Assert.Null(store.Find("test-model"));
    }

    [Fact]
    public async Task A_404_names_the_url_and_the_add_command()
    {
        using var server = new ModelFileServer(_content) { Status = 404 };
        using var store = Store(EntryFor(server.Url));

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => store.RequireAsync("test-model", null, CancellationToken.None));

        Assert.Contains("404", error.Message);
        Assert.Contains(server.Url, error.Message);
        Assert.Contains("dubagent models add", error.Hint);
    }

    [Fact]
    public async Task A_silent_server_times_out_with_a_clear_error()
    {
        using var server = new ModelFileServer(_content) { Silent = true };
        using var store = Store(EntryFor(server.Url), readTimeoutSeconds: 0.5);

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => store.PullAsync("test-model", null, CancellationToken.None));

        Assert.Contains("did not answer", error.Message);
        Assert.Null(store.Find("test-model"));
    }

    [Fact]
    public async Task An_unreachable_server_is_a_clear_error_naming_it()
    {
        // A port that was just free: nothing listens there, so the connection is refused.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var store = Store(EntryFor($"http://127.0.0.1:{port}/model.bin"));

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => store.RequireAsync("test-model", null, CancellationToken.None));

        Assert.Contains($"127.0.0.1:{port}", error.Message);
    }

    [Fact]
    public async Task Two_stores_pulling_at_once_download_the_file_once()
    {
        using var server = new ModelFileServer(_content) { ChunkDelay = TimeSpan.FromMilliseconds(20) };
        using var a = Store(EntryFor(server.Url));
        using var b = Store(EntryFor(server.Url));

        var paths = await Task.WhenAll(a.PullAsync("test-model", null, CancellationToken.None), b.PullAsync("test-model", null, CancellationToken.None));

        Assert.Equal(paths[0], paths[1]);
        Assert.Equal(_content, await File.ReadAllBytesAsync(paths[0]));
        Assert.Single(server.Ranges);
        Assert.Equal(_content.Length, server.BytesSent);
    }

    [Fact]
    public async Task Without_auto_download_a_missing_model_names_its_url_and_the_add_command()
    {
        var entry = EntryFor("https://example.invalid/never-contacted.bin");
        using var store = Store(entry, autoDownload: false);

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => store.RequireAsync("test-model", null, CancellationToken.None));

        Assert.Contains("AutoDownload", error.Message);
        Assert.Contains(entry.Url, error.Hint);
        Assert.Contains("dubagent models add", error.Hint);
        Assert.Contains("dubagent models pull test-model", error.Hint);
    }

    [Fact]
    public async Task Add_copies_a_matching_file_and_refuses_a_wrong_or_unknown_one()
    {
        using var store = Store(EntryFor("https://example.invalid/never-contacted.bin"));
        var good = Path.Combine(_folder, "downloaded.bin");
        await File.WriteAllBytesAsync(good, _content);
        var bad = Path.Combine(_folder, "damaged.bin");
        await File.WriteAllBytesAsync(bad, _content.Take(1000).ToArray());

        var wrong = await Assert.ThrowsAsync<InputException>(() => store.AddAsync(bad, "test-model", null, CancellationToken.None));
        Assert.Contains("is not test-model", wrong.Message);
        var unknownId = await Assert.ThrowsAsync<InputException>(() => store.AddAsync(good, "no-such-model", null, CancellationToken.None));
        Assert.Contains("no-such-model", unknownId.Message);
        var unknownFile = await Assert.ThrowsAsync<InputException>(() => store.AddAsync(bad, null, null, CancellationToken.None));
        Assert.Contains("none of the catalog", unknownFile.Message);
        Assert.Null(store.Find("test-model"));

        var added = await store.AddAsync(good, null, null, CancellationToken.None); // recognised by its checksum
        Assert.Equal("test-model", added.Id);
        Assert.Equal(_content, await File.ReadAllBytesAsync(store.Find("test-model")!));
        Assert.True(File.Exists(good), "add copies, it does not move the user's file");
    }

    [Fact]
    public async Task Verify_finds_a_damaged_file_and_remove_deletes_it()
    {
        using var store = Store(EntryFor("https://example.invalid/never-contacted.bin"));
        var file = Path.Combine(_folder, "downloaded.bin");
        await File.WriteAllBytesAsync(file, _content);
        var path = store.PathOf(await store.AddAsync(file, "test-model", null, CancellationToken.None));
        Assert.True(Assert.Single(await store.VerifyAsync(null, CancellationToken.None)).Ok);

        var damaged = (byte[])_content.Clone();
        damaged[1234] ^= 0xFF;
        await File.WriteAllBytesAsync(path, damaged);
        var check = Assert.Single(await store.VerifyAsync(null, CancellationToken.None));
        Assert.False(check.Ok);
        Assert.Contains("SHA-256", check.Detail);

        Assert.True(await store.RemoveAsync("test-model", CancellationToken.None));
        Assert.False(File.Exists(path));
        Assert.False(await store.RemoveAsync("test-model", CancellationToken.None));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and arrive late).</summary>
    private sealed class SyncProgress(Action<ProgressUpdate> report) : IProgress<ProgressUpdate>
    {
        public void Report(ProgressUpdate value) => report(value);
    }
}
