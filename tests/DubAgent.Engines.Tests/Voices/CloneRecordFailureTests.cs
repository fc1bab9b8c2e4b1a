using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Voices;
using DubAgent.Engines.Tests.Diarization;
using DubAgent.Engines.Tests.Synthesis;
using DubAgent.Engines.Tests.Synthesis.ElevenLabs;
using DubAgent.Engines.Voices;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Tests.Voices;

/// <summary>
/// A clone the library cannot record is removed again at the engine: no cloned voice may outlive its consent record.
/// The library's write fails (a disk error, a locked database) right after ElevenLabs made the voice.
/// </summary>
public sealed class CloneRecordFailureTests : IDisposable
{
    private const string Key = "xi-test-key";
    private readonly ElevenLabsContractServer _server = new(Key);
    private readonly SynthesisTestKit _kit;
    private readonly string _library = Path.Combine(Path.GetTempPath(), $"dubagent-library-{Guid.NewGuid():N}");

    public CloneRecordFailureTests() => _kit = new SynthesisTestKit(new Dictionary<string, string?>
    {
        ["Voices:Directory"] = _library,
        ["ElevenLabs:ApiKey"] = Key,
        ["ElevenLabs:BaseUrl"] = _server.BaseUrl,
    });

    public void Dispose()
    {
        _server.Dispose();
        _kit.Dispose();
        if (Directory.Exists(_library)) Directory.Delete(_library, recursive: true);
    }

    private static string Jfk => Path.Combine(SpeechFixtures.SharedData, "jfk", "jfk.wav");

    private VoiceEnrollment Enrollment(IVoiceLibrary library) => new(library, new VoiceSamples(_kit.Services.GetRequiredService<IMediaToolkit>()),
        _kit.Services.GetRequiredService<SpeakerVoiceprinter>(), _kit.Services.GetRequiredService<IEngineRegistry>());

    private static CreateVoiceRequest Ana => new("Ana", [Jfk], "I, Ana, agree that my voice may be cloned.", Engine: "elevenlabs");

    [Fact]
    public async Task The_remote_clone_is_deleted_when_the_library_cannot_record_it()
    {
        var library = new CloneRecordRefusingLibrary(_kit.Services.GetRequiredService<IVoiceLibrary>());

        var error = await Assert.ThrowsAsync<IOException>(() => Enrollment(library).CreateAsync(Ana, _kit.Directory, default));

        Assert.Equal(CloneRecordRefusingLibrary.Failure, error.Message);
        var added = Assert.Single(_server.Added);
        Assert.Equal("Ana", added.Name);
        Assert.Single(_server.Deleted);
        Assert.DoesNotContain(_server.VoiceIds, id => id != ElevenLabsContractServer.PremadeVoice);
        Assert.Null(await library.FindAsync("Ana", default));
    }

    [Fact]
    public async Task When_the_clone_cannot_be_deleted_either_the_error_names_the_voice_to_delete_by_hand()
    {
        var library = new CloneRecordRefusingLibrary(_kit.Services.GetRequiredService<IVoiceLibrary>(),
            onFailure: () => _server.FailNext(500, """{"detail":{"status":"internal_error","message":"try later"}}"""));

        var error = await Assert.ThrowsAsync<StorageException>(() => Enrollment(library).CreateAsync(Ana, _kit.Directory, default));

        var voiceId = Assert.Single(_server.VoiceIds, id => id != ElevenLabsContractServer.PremadeVoice);
        Assert.Contains(voiceId, error.Message);
        Assert.Contains(CloneRecordRefusingLibrary.Failure, error.Message);
        Assert.Contains($"Delete the voice '{voiceId}' in your elevenlabs account", error.Hint);
        Assert.Null(await library.FindAsync("Ana", default));
    }

    /// <summary>The real library, except that recording a cloned voice fails the way a full disk makes it fail.</summary>
    private sealed class CloneRecordRefusingLibrary(IVoiceLibrary inner, Action? onFailure = null) : IVoiceLibrary
    {
        public const string Failure = "No space left on device : 'voices.db-wal'";

        public string Directory => inner.Directory;
        public Task<IReadOnlyList<VoiceActor>> ListAsync(CancellationToken c) => inner.ListAsync(c);
        public Task<VoiceActor?> FindAsync(string name, CancellationToken c) => inner.FindAsync(name, c);
        public Task<VoiceActor> CreateAsync(string name, string? note, CancellationToken c) => inner.CreateAsync(name, note, c);
        public Task<ReferenceClip> AddClipAsync(string actor, string file, double seconds, string? source, CancellationToken c) =>
            inner.AddClipAsync(actor, file, seconds, source, c);
        public Task AddEmbeddingAsync(string actor, SpeakerEmbedding embedding, CancellationToken c) => inner.AddEmbeddingAsync(actor, embedding, c);
        public Task AssignAsync(string actor, VoiceAssignment assignment, CancellationToken c) => inner.AssignAsync(actor, assignment, c);
        public Task AddConsentAsync(string actor, ConsentRecord consent, CancellationToken c) => inner.AddConsentAsync(actor, consent, c);
        public Task<bool> DeleteAsync(string name, CancellationToken c) => inner.DeleteAsync(name, c);

        public Task AddClonedVoiceAsync(string actor, ClonedVoice voice, CancellationToken c)
        {
            onFailure?.Invoke();
            throw new IOException(Failure);
        }
    }
}
