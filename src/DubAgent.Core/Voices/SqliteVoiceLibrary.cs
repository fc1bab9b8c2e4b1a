using System.Globalization;
using System.Text.Json;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Voices;
using DubAgent.Core.Media;
using DubAgent.Core.Models;
using Microsoft.Data.Sqlite;

namespace DubAgent.Core.Voices;

/// <summary>
/// <see cref="IVoiceLibrary"/> on one SQLite file (<see cref="VoiceDatabase"/>) plus a folder of clip copies named by
/// their SHA-256, so several processes (CLI, server, workers) share one library. Each write is one immediate
/// transaction: two processes creating the same actor get one actor and one clear error.
/// </summary>
public sealed class SqliteVoiceLibrary(VoiceLibraryOptions options) : IVoiceLibrary
{
    private const string ClipFolder = "clips";
    private readonly VoiceDatabase _database = new(options);

    public string Directory => options.Directory;

    public async Task<IReadOnlyList<VoiceActor>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var actors = new List<VoiceActor>();
        foreach (var (id, actor) in await ActorRowsAsync(connection, null, cancellationToken).ConfigureAwait(false))
            actors.Add(await FillAsync(connection, id, actor, cancellationToken).ConfigureAwait(false));
        return actors;
    }

    public async Task<VoiceActor?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await ActorRowsAsync(connection, name, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : await FillAsync(connection, rows[0].Id, rows[0].Actor, cancellationToken).ConfigureAwait(false);
    }

    public async Task<VoiceActor> CreateAsync(string name, string? note, CancellationToken cancellationToken)
    {
        ActorNames.Check(name);
        var created = DateTimeOffset.UtcNow;
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, "INSERT INTO actors (name, created, note) VALUES ($name, $created, $note)", cancellationToken,
                ("$name", name.Trim()), ("$created", Stamp(created)), ("$note", note)).ConfigureAwait(false);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19) // SQLITE_CONSTRAINT: the name is taken
        {
            throw new InputException($"The voice library already has an actor named '{name}'.",
                "Choose another name, or `dubagent voices delete` the old one first.", e);
        }
        return new VoiceActor { Name = name.Trim(), Created = created, Note = note };
    }

    public async Task<ReferenceClip> AddClipAsync(string actor, string file, double seconds, string? source, CancellationToken cancellationToken)
    {
        if (!File.Exists(file)) throw new InputException($"The clip '{file}' does not exist.", "Give the path of an audio file.");
        var sha = await FileSha256.ComputeAsync(file, null, "", cancellationToken).ConfigureAwait(false);
        var copy = Path.Combine(options.Directory, ClipFolder, sha + Path.GetExtension(file).ToLowerInvariant());
        if (!File.Exists(copy))
            await AtomicFile.WriteAsync(copy, temporary => Task.Run(() => File.Copy(file, temporary, overwrite: true), cancellationToken)).ConfigureAwait(false);
        var clip = new ReferenceClip(copy, sha, Math.Round(seconds, 3), source ?? Path.GetFullPath(file), DateTimeOffset.UtcNow);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var id = await RequireIdAsync(connection, actor, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection,
            "INSERT OR IGNORE INTO clips (actor_id, sha256, path, seconds, source, added) VALUES ($actor, $sha, $path, $seconds, $source, $added)",
            cancellationToken, ("$actor", id), ("$sha", sha), ("$path", copy), ("$seconds", clip.Seconds), ("$source", clip.Source),
            ("$added", Stamp(clip.Added))).ConfigureAwait(false);
        return clip;
    }

    public async Task AddEmbeddingAsync(string actor, SpeakerEmbedding embedding, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(embedding.Kind) || embedding.Vector.Count == 0 || embedding.Vector.Any(v => !float.IsFinite(v)))
            throw new InputException($"The embedding for '{actor}' is empty or not finite.", "Embed a stretch of speech, not silence.");
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var id = await RequireIdAsync(connection, actor, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "INSERT INTO embeddings (actor_id, kind, vector, source, added) VALUES ($actor, $kind, $vector, $source, $added)",
            cancellationToken, ("$actor", id), ("$kind", embedding.Kind), ("$vector", EmbeddingBlob.Pack(embedding.Vector)),
            ("$source", embedding.Source), ("$added", Stamp(embedding.Added == default ? DateTimeOffset.UtcNow : embedding.Added))).ConfigureAwait(false);
    }

    public async Task AssignAsync(string actor, VoiceAssignment assignment, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(assignment.Language) || string.IsNullOrWhiteSpace(assignment.Engine) || string.IsNullOrWhiteSpace(assignment.Voice))
            throw new InputException($"An assignment for '{actor}' needs a language, an engine and a voice.", "e.g. --language es --engine espeak-ng --voice male-low");
        if (assignment.Rate is { } rate && (!double.IsFinite(rate) || rate is < 0.25 or > 4))
            throw new InputException($"rate {rate} is out of range.", "Use a speaking-rate factor from 0.25 to 4 (1 = the voice's own).");
        if (assignment.Pitch is { } pitch && (!double.IsFinite(pitch) || pitch is < -24 or > 24))
            throw new InputException($"pitch {pitch} is out of range.", "Use a shift from -24 to 24 semitones (0 = the voice's own).");
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var id = await RequireIdAsync(connection, actor, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection,
            "INSERT OR REPLACE INTO assignments (actor_id, language, engine, voice, rate, pitch, assigned) VALUES ($actor, $language, $engine, $voice, $rate, $pitch, $assigned)",
            cancellationToken, ("$actor", id), ("$language", assignment.Language.Trim()), ("$engine", assignment.Engine.Trim()),
            ("$voice", assignment.Voice.Trim()), ("$rate", assignment.Rate), ("$pitch", assignment.Pitch),
            ("$assigned", Stamp(assignment.Assigned ?? DateTimeOffset.UtcNow))).ConfigureAwait(false);
    }

    public async Task AddConsentAsync(string actor, ConsentRecord consent, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var id = await RequireIdAsync(connection, actor, cancellationToken).ConfigureAwait(false);
        await InsertConsentAsync(connection, id, consent, null, cancellationToken).ConfigureAwait(false);
    }

    public async Task AddClonedVoiceAsync(string actor, ClonedVoice voice, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(voice.Engine) || string.IsNullOrWhiteSpace(voice.VoiceId))
            throw new InputException($"A cloned voice for '{actor}' needs the engine and its voice id.");
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var id = await RequireIdAsync(connection, actor, cancellationToken, transaction).ConfigureAwait(false);
        var consentId = await InsertConsentAsync(connection, id, voice.Consent, transaction, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "INSERT INTO cloned_voices (actor_id, engine, voice_id, consent_id, created) VALUES ($actor, $engine, $voice, $consent, $created)",
            cancellationToken, transaction, ("$actor", id), ("$engine", voice.Engine), ("$voice", voice.VoiceId), ("$consent", consentId),
            ("$created", Stamp(voice.Created == default ? DateTimeOffset.UtcNow : voice.Created))).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await ActorRowsAsync(connection, name, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0) return false;
        var clips = (await FillAsync(connection, rows[0].Id, rows[0].Actor, cancellationToken).ConfigureAwait(false)).Clips;
        await ExecuteAsync(connection, "DELETE FROM actors WHERE id = $id", cancellationToken, ("$id", rows[0].Id)).ConfigureAwait(false);
        // A clip copy goes with its last actor (copies are shared by content).
        foreach (var clip in clips)
        {
            await using var command = Command(connection, "SELECT COUNT(*) FROM clips WHERE sha256 = $sha", null, ("$sha", clip.Sha256));
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0
                && File.Exists(clip.Path))
                File.Delete(clip.Path);
        }
        return true;
    }

    private static async Task<long> InsertConsentAsync(SqliteConnection connection, long actorId, ConsentRecord consent, SqliteTransaction? transaction,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(consent.ConsentedBy) || string.IsNullOrWhiteSpace(consent.Statement))
            throw new InputException("A consent record needs who consented and the statement they agreed to.",
                "Pass --consent \"I, NAME, agree that ...\" (and --consented-by NAME when it is not the actor's own name).");
        await using var command = Command(connection,
            "INSERT INTO consents (actor_id, consented_by, statement, date, clip_sha256) VALUES ($actor, $by, $statement, $date, $clips) RETURNING id",
            transaction, ("$actor", actorId), ("$by", consent.ConsentedBy.Trim()), ("$statement", consent.Statement.Trim()),
            ("$date", Stamp(consent.Date)), ("$clips", JsonSerializer.Serialize(consent.SourceClipSha256)));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task<long> RequireIdAsync(SqliteConnection connection, string actor, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = Command(connection, "SELECT id FROM actors WHERE name = $name", transaction, ("$name", actor.Trim()));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long id
            ? id
            : throw new InputException($"The voice library has no actor named '{actor}'.", "See `dubagent voices list`, or create the actor first.");
    }

    private static async Task<List<(long Id, VoiceActor Actor)>> ActorRowsAsync(SqliteConnection connection, string? name, CancellationToken cancellationToken)
    {
        await using var command = Command(connection,
            name is null ? "SELECT id, name, created, note FROM actors ORDER BY name" : "SELECT id, name, created, note FROM actors WHERE name = $name",
            null, ("$name", name?.Trim()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(long, VoiceActor)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            rows.Add((reader.GetInt64(0), new VoiceActor { Name = reader.GetString(1), Created = Parse(reader.GetString(2)), Note = reader.IsDBNull(3) ? null : reader.GetString(3) }));
        return rows;
    }

    private static async Task<VoiceActor> FillAsync(SqliteConnection connection, long id, VoiceActor actor, CancellationToken cancellationToken)
    {
        var clips = await ReadAsync(connection, "SELECT path, sha256, seconds, source, added FROM clips WHERE actor_id = $id ORDER BY added", id,
            r => new ReferenceClip(r.GetString(0), r.GetString(1), r.GetDouble(2), Text(r, 3), Parse(r.GetString(4))), cancellationToken).ConfigureAwait(false);
        var embeddings = await ReadAsync(connection, "SELECT kind, vector, source, added FROM embeddings WHERE actor_id = $id ORDER BY id", id,
            r => new SpeakerEmbedding(r.GetString(0), EmbeddingBlob.Unpack((byte[])r[1]), Text(r, 2), Parse(r.GetString(3))), cancellationToken).ConfigureAwait(false);
        var assignments = await ReadAsync(connection, "SELECT language, engine, voice, rate, pitch, assigned FROM assignments WHERE actor_id = $id ORDER BY language", id,
            r => new VoiceAssignment(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetDouble(3), r.IsDBNull(4) ? null : r.GetDouble(4),
                Parse(r.GetString(5))), cancellationToken).ConfigureAwait(false);
        var consents = await ReadAsync(connection, "SELECT id, consented_by, statement, date, clip_sha256 FROM consents WHERE actor_id = $id ORDER BY id", id,
            r => (Id: r.GetInt64(0), Record: new ConsentRecord(r.GetString(1), r.GetString(2), Parse(r.GetString(3)),
                JsonSerializer.Deserialize<List<string>>(r.GetString(4)) ?? [])), cancellationToken).ConfigureAwait(false);
        var cloned = await ReadAsync(connection, "SELECT engine, voice_id, consent_id, created FROM cloned_voices WHERE actor_id = $id ORDER BY id", id,
            r => new ClonedVoice(r.GetString(0), r.GetString(1), consents.First(c => c.Id == r.GetInt64(2)).Record, Parse(r.GetString(3))),
            cancellationToken).ConfigureAwait(false);
        return actor with { Clips = clips, Embeddings = embeddings, Assignments = assignments, ClonedVoices = cloned, Consents = consents.Select(c => c.Record).ToList() };
    }

    private static async Task<List<T>> ReadAsync<T>(SqliteConnection connection, string sql, long id, Func<SqliteDataReader, T> row, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql, null, ("$id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) list.Add(row(reader));
        return list;
    }

    private static Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        ExecuteAsync(connection, sql, cancellationToken, null, parameters);

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, transaction, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
            if (sql.Contains(name, StringComparison.Ordinal)) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private static string? Text(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static string Stamp(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
