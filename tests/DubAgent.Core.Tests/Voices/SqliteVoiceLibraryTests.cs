using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Voices;
using DubAgent.Core.Voices;

namespace DubAgent.Core.Tests.Voices;

public sealed class SqliteVoiceLibraryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dubagent-voices-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private SqliteVoiceLibrary Library() => new(new VoiceLibraryOptions { Directory = Path.Combine(_folder, "library") });

    private string Clip(string name, byte fill)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, Enumerable.Repeat(fill, 1000).ToArray());
        return path;
    }

    [Fact]
    public async Task An_actor_keeps_clips_embeddings_voices_consents_and_cloned_voices_across_instances()
    {
        var library = Library();
        await library.CreateAsync("Ana Torres", "episode 1", default);
        var clip = await library.AddClipAsync("ana torres", Clip("a.wav", 1), 12.5, "job-1", default);
        await library.AddEmbeddingAsync("Ana Torres", new SpeakerEmbedding("mfcc-stats", [1f, 2f, 3.5f], "job-1", default), default);
        await library.AssignAsync("Ana Torres", new VoiceAssignment("es", "espeak-ng", "female-mid", 1.1, -2), default);
        await library.AssignAsync("Ana Torres", new VoiceAssignment("es", "piper", "es_ES-davefx-medium"), default);
        var consent = new ConsentRecord("Ana Torres", "I agree.", new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero), [clip.Sha256]);
        await library.AddClonedVoiceAsync("Ana Torres", new ClonedVoice("elevenlabs", "voice-123", consent, default), default);

        var actor = await Library().FindAsync("ANA TORRES", default);

        Assert.NotNull(actor);
        Assert.Equal("episode 1", actor.Note);
        Assert.Equal(clip.Sha256, Assert.Single(actor.Clips).Sha256);
        Assert.True(File.Exists(actor.Clips[0].Path));
        Assert.Equal([1f, 2f, 3.5f], Assert.Single(actor.Embeddings).Vector);
        Assert.Equal(("piper", "es_ES-davefx-medium"), (Assert.Single(actor.Assignments).Engine, actor.Assignments[0].Voice));
        Assert.Equal("es_ES-davefx-medium", actor.AssignmentFor("es-MX")?.Voice);
        var cloned = Assert.Single(actor.ClonedVoices);
        Assert.Equal(("elevenlabs", "voice-123", "I agree.", consent.Date), (cloned.Engine, cloned.VoiceId, cloned.Consent.Statement, cloned.Consent.Date));
        Assert.Equal([clip.Sha256], cloned.Consent.SourceClipSha256);
    }

    [Fact]
    public async Task Names_are_unique_and_checked()
    {
        var library = Library();
        await library.CreateAsync("Bob", null, default);
        Assert.Contains("already has", (await Assert.ThrowsAsync<InputException>(() => library.CreateAsync("bob", null, default))).Message);
        await Assert.ThrowsAsync<InputException>(() => library.CreateAsync("../etc", null, default));
        await Assert.ThrowsAsync<InputException>(() => library.AssignAsync("Nobody", new VoiceAssignment("es", "espeak-ng", "male-low"), default));
    }

    [Fact]
    public async Task A_cloned_voice_without_a_consent_statement_is_refused()
    {
        var library = Library();
        await library.CreateAsync("Carla", null, default);
        var noStatement = new ConsentRecord("Carla", " ", DateTimeOffset.UtcNow, []);
        await Assert.ThrowsAsync<InputException>(() => library.AddClonedVoiceAsync("Carla", new ClonedVoice("elevenlabs", "v", noStatement, default), default));
        Assert.Empty((await library.FindAsync("Carla", default))!.ClonedVoices);
    }

    [Fact]
    public async Task Delete_removes_the_actor_and_the_clip_copies_no_other_actor_uses()
    {
        var library = Library();
        await library.CreateAsync("A", null, default);
        await library.CreateAsync("B", null, default);
        var shared = await library.AddClipAsync("A", Clip("s.wav", 7), 3, null, default);
        await library.AddClipAsync("B", Clip("s2.wav", 7), 3, null, default);
        var own = await library.AddClipAsync("A", Clip("o.wav", 9), 3, null, default);

        Assert.True(await library.DeleteAsync("a", default));

        Assert.False(File.Exists(own.Path));
        Assert.True(File.Exists(shared.Path));
        Assert.Null(await library.FindAsync("A", default));
        Assert.False(await library.DeleteAsync("A", default));
    }

    [Fact]
    public async Task Concurrent_writers_on_separate_connections_all_land()
    {
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            var library = Library();
            await library.CreateAsync($"Actor {i}", null, default);
            foreach (var language in new[] { "es", "fr", "de" })
                await library.AssignAsync($"Actor {i}", new VoiceAssignment(language, "espeak-ng", $"voice-{i}"), default);
        })));

        var actors = await Library().ListAsync(default);
        Assert.Equal(12, actors.Count);
        Assert.All(actors, a => Assert.Equal(3, a.Assignments.Count));
        Assert.Equal("wal", await JournalModeAsync());
    }

    private async Task<string> JournalModeAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_folder, "library", VoiceDatabase.FileName)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
