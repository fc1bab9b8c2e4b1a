using DubAgent.Abstractions;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Models;
using DubAgent.Core.Media;
using DubAgent.Core.Scoring;
using DubAgent.Engines.Diarization;
using DubAgent.Engines.SpeechDetection;
using Microsoft.ML.OnnxRuntime;

namespace DubAgent.Engines.Tests.Diarization;

/// <summary>The `embeddings` engine: model lookup and availability, the ONNX plumbing with generated graphs, a dialogue end to end.</summary>
public class EmbeddingDiarizerTests : IDisposable
{
    private readonly SpeechFixtures _fixtures = new();
    private readonly InferenceSessionCache _sessions = new();

    /// <summary>A model store that holds one model id at one path (or nothing), answering Find as the real store does.</summary>
    private sealed class OneModelStore(string id, string? path) : IModelStore
    {
        public IReadOnlyList<ModelEntry> Catalog => [];

        public ModelEntry? Entry(string id) => null;

        public string? Find(string wanted) => wanted == id ? path : null;

        public Task<string> RequireAsync(string wanted, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the engine must not download while it runs");
    }

    private EmbeddingDiarizer Diarizer(string? modelSetting = null, IModelStore? store = null, string? modelId = null) =>
        new(SpeechFixtures.Configuration(("Embeddings:Model", modelSetting), ("Embeddings:ModelId", modelId)), new SpeechSegmenter(SpeechFixtures.Media, SpeechFixtures.EnergyRegions),
            SpeechFixtures.Media, _sessions, store);

    [Fact]
    public async Task Without_a_model_it_is_unavailable_with_the_pull_command()
    {
        var status = await Diarizer().CheckAsync(CancellationToken.None);
        Assert.False(status.Available);
        Assert.Contains("dubagent models pull wespeaker-resnet34", status.InstallHint);

        var empty = await Diarizer(store: new OneModelStore("wespeaker-resnet34", null)).CheckAsync(CancellationToken.None);
        Assert.False(empty.Available);
        Assert.Contains("not in the model store", empty.Detail);

        var wrongPath = await Diarizer(modelSetting: Path.Combine(_fixtures.Directory, "absent.onnx")).CheckAsync(CancellationToken.None);
        Assert.False(wrongPath.Available);
        Assert.Contains("absent.onnx", wrongPath.Detail);
    }

    [Fact]
    public async Task A_model_in_the_store_makes_it_available_and_its_file_is_part_of_the_version()
    {
        var graph = await TestEmbeddingGraphs.WriteAsync(_fixtures.Directory, TestEmbeddingGraphs.Echo);
        var status = await Diarizer(store: new OneModelStore("wespeaker-resnet34", graph)).CheckAsync(CancellationToken.None);
        Assert.True(status.Available, status.Detail);
        Assert.Contains("embedding-echo.onnx", status.Version);
    }

    [Fact]
    public async Task Features_reach_the_model_as_one_batch_of_frames_by_80_bins()
    {
        var graph = await TestEmbeddingGraphs.WriteAsync(_fixtures.Directory, TestEmbeddingGraphs.Echo);
        var (model, problem) = SpeakerEmbeddingModel.From(_sessions.Get(graph));
        Assert.Null(problem);
        Assert.Equal(80, model!.FeatureBins);
        const int frames = 7;
        var features = Enumerable.Range(0, frames * 80).Select(i => (float)Math.Sin(i * 0.37)).ToArray();

        var embedding = model.Embed(features, frames);

        Assert.Equal(256, embedding.Length);
        for (var m = 0; m < 80; m++)
        {
            var column = Enumerable.Range(0, frames).Select(f => features[f * 80 + m]).ToArray();
            Assert.Equal(features[m], embedding[m], 5);                                  // the first frame, in bin order
            Assert.Equal(column.Average(x => x * x), embedding[80 + m], 5);             // frames run along the second axis
            Assert.Equal(column.Max(), embedding[160 + m], 5);
        }
        Assert.All(embedding.Skip(240), t => Assert.Equal(frames, t, 5));
    }

    [Fact]
    public async Task Each_window_gets_the_mean_subtracted_fbank_of_its_own_samples()
    {
        var graph = await TestEmbeddingGraphs.WriteAsync(_fixtures.Directory, TestEmbeddingGraphs.Echo);
        var (model, _) = SpeakerEmbeddingModel.From(_sessions.Get(graph));
        var (path, _, _) = await _fixtures.DialogueAsync(2);
        var speech = await new SpeechSegmenter(SpeechFixtures.Media, SpeechFixtures.EnergyRegions).SegmentAsync(path, _fixtures.Context(), 1.0);
        Assert.NotNull(speech);

        using var reader = SpeechFixtures.Media.OpenWav(speech.WavPath);
        var windows = new WindowEmbedder(model!) { WindowSeconds = 1.5 }.Embed(speech, reader, null, CancellationToken.None);

        Assert.NotEmpty(windows);
        Assert.All(windows, w => Assert.True(w.End - w.Start <= 1.5 + 1e-9));
        var (_, audio) = WavReader.ReadAll(speech.WavPath);
        foreach (var window in windows.Take(3))
        {
            var first = (int)(window.Start * 16000);
            var samples = audio.AsSpan(first, (int)(window.End * 16000) - first).ToArray();
            var expected = new KaldiFbank().Compute(samples);
            KaldiFbank.SubtractMean(expected, 80);
            for (var m = 0; m < 80; m++) Assert.Equal(expected[m], window.Embedding[m], 3);
            Assert.Equal(KaldiFbank.FrameCount(samples.Length), window.Embedding[^1], 3);
        }
    }

    [Fact]
    public async Task A_file_that_is_not_a_speaker_embedding_model_is_refused_with_its_shapes()
    {
        var graph = await TestEmbeddingGraphs.WriteAsync(_fixtures.Directory, TestEmbeddingGraphs.Other);
        var (path, _, _) = await _fixtures.DialogueAsync(2);
        var error = await Assert.ThrowsAsync<EngineFailedException>(() => Diarizer(modelSetting: graph).DiarizeAsync(new DiarizationRequest(path), _fixtures.Context()));
        Assert.Contains("not a speaker-embedding model", error.Message);
        Assert.Contains("x [", error.Message);
    }

    [Fact]
    public async Task Two_voices_are_told_apart_through_a_generated_model()
    {
        // The spread graph embeds each window by the spread of its 80 bands: crude, but two espeak voices differ in it.
        // Labels at chance would score near 50 %; a broken feature or window path does no better.
        var graph = await TestEmbeddingGraphs.WriteAsync(_fixtures.Directory, TestEmbeddingGraphs.Spread);
        var (path, truth, _) = await _fixtures.DialogueAsync(6);
        var turns = await Diarizer(modelSetting: graph).DiarizeAsync(new DiarizationRequest(path, NumSpeakers: 2), _fixtures.Context());
        Assert.Equal(2, turns.Select(t => t.Speaker).Distinct().Count());
        var der = DerScore.Compute(truth, turns, collar: 0.25);
        Assert.True(der.Rate < 0.30, $"DER {der.Rate:P1} (miss {der.Missed:0.00} s, false alarm {der.FalseAlarm:0.00} s, confusion {der.Confusion:0.00} s)");
    }

    [Fact]
    public async Task A_campplus_export_is_taken_by_its_own_names_and_its_192_dimensions()
    {
        var graph = await TestEmbeddingGraphs.WriteAsync(_fixtures.Directory, TestEmbeddingGraphs.CamPlusPlus);
        var (model, problem) = SpeakerEmbeddingModel.From(_sessions.Get(graph));
        Assert.Null(problem);
        Assert.Equal(80, model!.FeatureBins);
        const int frames = 5;
        var features = Enumerable.Range(0, frames * 80).Select(i => (float)Math.Cos(i * 0.11)).ToArray();

        var embedding = model.Embed(features, frames);

        Assert.Equal(192, embedding.Length);
        for (var m = 0; m < 80; m++)
        {
            var column = Enumerable.Range(0, frames).Select(f => features[f * 80 + m]).ToArray();
            Assert.Equal(column.Average(), embedding[m], 5);
            Assert.Equal(column.Max(), embedding[80 + m], 5);
        }
        Assert.All(embedding.Skip(160), t => Assert.Equal(frames, t, 5));
    }

    [Fact]
    public async Task Embeddings_model_id_picks_campplus_from_the_store_and_the_hint_names_it()
    {
        var missing = await Diarizer(store: new OneModelStore("wespeaker-resnet34", null), modelId: SpeakerEmbeddingCatalog.CamPlusPlusId).CheckAsync(CancellationToken.None);
        Assert.False(missing.Available);
        Assert.Contains("dubagent models pull 3dspeaker-campplus-zh-en", missing.InstallHint);

        var graph = await TestEmbeddingGraphs.WriteAsync(_fixtures.Directory, TestEmbeddingGraphs.CamPlusPlus);
        var store = new OneModelStore(SpeakerEmbeddingCatalog.CamPlusPlusId, graph);
        var (path, _, _) = await _fixtures.DialogueAsync(2);
        var turns = await Diarizer(store: store, modelId: SpeakerEmbeddingCatalog.CamPlusPlusId).DiarizeAsync(new DiarizationRequest(path), _fixtures.Context());
        Assert.NotEmpty(turns);
    }

    [Theory]
    [InlineData("wespeaker-resnet34", "CC-BY-4.0")]
    [InlineData("3dspeaker-campplus-zh-en", "Apache-2.0")]
    public void The_catalog_names_each_model_with_its_checksum_and_licence(string id, string licence)
    {
        var entry = Assert.Single(new SpeakerEmbeddingCatalog().Entries, e => e.Id == id);
        Assert.Equal("embeddings", entry.Engine);
        Assert.Matches("^[0-9a-f]{64}$", entry.Sha256);
        Assert.StartsWith("https://", entry.Url);
        Assert.EndsWith(".onnx", entry.FileName);
        Assert.True(entry.Size > 1_000_000);
        Assert.Equal(licence, entry.Licence);
    }

    public void Dispose()
    {
        _sessions.Dispose();
        _fixtures.Dispose();
    }
}
