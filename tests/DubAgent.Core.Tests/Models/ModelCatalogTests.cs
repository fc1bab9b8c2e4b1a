using Microsoft.Extensions.Configuration;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Models;

namespace DubAgent.Core.Tests.Models;

public sealed class ModelCatalogTests
{
    [Fact]
    public void The_shipped_catalog_has_whisper_and_silero_with_checksums_and_sizes()
    {
        var catalog = ModelCatalog.BuiltIn;
        var silero = Assert.Single(catalog, e => e.Id == "silero-vad");
        Assert.Equal("1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3", silero.Sha256);
        Assert.Equal("silero_vad.onnx", silero.FileName);
        Assert.Equal("MIT", silero.Licence);
        foreach (var id in new[] { "whisper-tiny", "whisper-base", "whisper-base.en", "whisper-small", "whisper-medium", "whisper-large-v3-turbo", "whisper-large-v3-turbo-q5_0" })
        {
            var entry = Assert.Single(catalog, e => e.Id == id);
            Assert.Equal("whisper", entry.Engine);
            Assert.StartsWith("https://huggingface.co/ggerganov/whisper.cpp/resolve/", entry.Url);
            Assert.EndsWith("/" + entry.FileName, entry.Url);
        }
        Assert.Equal(147_951_465, Assert.Single(catalog, e => e.Id == "whisper-base").Size);
    }

    [Fact]
    public void The_shipped_silero_entry_matches_the_shared_test_file()
    {
        var shared = Scoring.SdrTestData.SharedData();
        var file = new FileInfo(Path.Combine(shared, "..", "models", "silero_vad.onnx"));
        Assert.True(file.Exists, file.FullName);
        Assert.Equal(Assert.Single(ModelCatalog.BuiltIn, e => e.Id == "silero-vad").Size, file.Length);
    }

    [Fact]
    public void An_extra_catalog_file_adds_and_replaces_entries_by_id()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """
                [ { "id": "whisper-base", "engine": "whisper", "file_name": "mirror-base.bin", "url": "http://127.0.0.1:9/base.bin",
                    "sha256": "0000000000000000000000000000000000000000000000000000000000000001", "size": 10, "licence": "MIT", "purpose": "mirror" },
                  { "id": "extra", "engine": "test", "file_name": "extra.bin", "url": "https://example.invalid/extra.bin",
                    "sha256": "0000000000000000000000000000000000000000000000000000000000000002", "size": 5, "licence": "MIT", "purpose": "test" } ]
                """);
            var catalog = ModelCatalog.With(file);
            Assert.Equal("mirror-base.bin", Assert.Single(catalog, e => e.Id == "whisper-base").FileName);
            Assert.Single(catalog, e => e.Id == "extra");
            Assert.Equal(ModelCatalog.BuiltIn.Count + 1, catalog.Count);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_catalog_entry_may_be_pinned_by_its_publishers_md5_and_size_instead_of_a_sha256()
    {
        var entry = Assert.Single(ModelCatalog.Parse("""
            [ { "id": "voice", "engine": "piper", "file_name": "voice.onnx", "url": "https://a/voice.onnx",
                "md5": "dc515cd4ecc5f6f72fe14a941188fc9c", "size": 63201294, "licence": "see MODEL_CARD", "purpose": "test" } ]
            """, "extra.json"));

        Assert.Null(entry.Sha256);
        Assert.Equal(("dc515cd4ecc5f6f72fe14a941188fc9c", "md5+size"), (entry.Md5, entry.PinnedBy));
        Assert.Equal("sha256", Assert.Single(ModelCatalog.BuiltIn, e => e.Id == "silero-vad").PinnedBy);
    }

    [Theory]
    [InlineData("""[ { "id": "x", "engine": "e", "file_name": "../x.bin", "url": "https://a/x", "sha256": "0000000000000000000000000000000000000000000000000000000000000000", "size": 1 } ]""", "file name")]
    [InlineData("""[ { "id": "x", "engine": "e", "file_name": "x.bin", "url": "https://a/x", "sha256": "ABC", "size": 1 } ]""", "SHA-256")]
    [InlineData("""[ { "id": "x", "engine": "e", "file_name": "x.bin", "url": "ftp://a/x", "sha256": "0000000000000000000000000000000000000000000000000000000000000000", "size": 1 } ]""", "url")]
    [InlineData("""{ "not": "an array" }""", "not valid JSON")]
    [InlineData("""[ { "id": "x", "engine": "e", "file_name": "x.bin", "url": "https://a/x", "size": 1 } ]""", "neither a SHA-256")]
    [InlineData("""[ { "id": "x", "engine": "e", "file_name": "x.bin", "url": "https://a/x", "md5": "0123", "size": 1 } ]""", "MD5")]
    public void A_bad_catalog_is_an_input_error_that_says_what_is_wrong(string json, string expected)
    {
        var error = Assert.Throws<InputException>(() => ModelCatalog.Parse(json, "test.json"));
        Assert.Contains(expected, error.Message);
        Assert.Contains("test.json", error.Message);
    }

    [Fact]
    public void Hf_token_goes_only_to_huggingface()
    {
        Assert.Equal("Bearer hf_secret", HuggingFaceToken.For(new Uri("https://huggingface.co/ggerganov/whisper.cpp/resolve/main/ggml-base.bin"), "hf_secret")?.ToString());
        Assert.NotNull(HuggingFaceToken.For(new Uri("https://cdn-lfs.huggingface.co/x"), "hf_secret"));
        Assert.Null(HuggingFaceToken.For(new Uri("http://127.0.0.1:5000/ggml-base.bin"), "hf_secret"));
        Assert.Null(HuggingFaceToken.For(new Uri("https://huggingface.co.evil.example/x"), "hf_secret"));
        Assert.Null(HuggingFaceToken.For(new Uri("https://huggingface.co/x"), ""));
    }

    [Fact]
    public void Options_read_the_models_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Models:Directory"] = "/tmp/some-models", ["Models:AutoDownload"] = "false", ["Models:ConnectTimeoutSeconds"] = "3",
        }).Build();
        var options = ModelStoreOptions.From(configuration);
        Assert.Equal("/tmp/some-models", options.Directory);
        Assert.False(options.AutoDownload);
        Assert.Equal(TimeSpan.FromSeconds(3), options.ConnectTimeout);
        Assert.True(ModelStoreOptions.From(null).AutoDownload);
        Assert.EndsWith(Path.Combine("dubagent", "models"), ModelStoreOptions.From(null).Directory);
    }
}
