using DubAgent.Abstractions.Errors;
using Microsoft.Data.Sqlite;

namespace DubAgent.Core.Voices;

/// <summary>
/// The library's SQLite file: opened per operation (no pool, so another process sees every commit and a folder can be
/// removed), in WAL mode so readers never wait for a writer, with a busy timeout so concurrent writers queue instead of
/// failing, and foreign keys on so deleting an actor deletes their records.
/// </summary>
public sealed class VoiceDatabase(VoiceLibraryOptions options)
{
    public const string FileName = "voices.db";
    private const int SchemaVersion = 1;
    private int _ready;

    public string Path => System.IO.Path.Combine(options.Directory, FileName);

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _ready) == 0) await CreateAsync(cancellationToken).ConfigureAwait(false);
        return await ConnectAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var seconds = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = seconds,
        }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, $"PRAGMA busy_timeout = {seconds * 1000}; PRAGMA foreign_keys = ON;", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new InputException($"The voice library '{Path}' cannot be opened: {e.Message}",
                "Check Voices:Directory points at a folder you can write to (the library keeps voices.db there).", e);
        }
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(options.Directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"The voice library folder '{options.Directory}' cannot be created: {e.Message}",
                "Set Voices:Directory (DUBAGENT_VOICES__DIRECTORY) to a folder you can write to.", e);
        }
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        // WAL is a property of the file: set once, kept by every later connection of every process.
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, Schema, cancellationToken, transaction).ConfigureAwait(false);
        await ExecuteAsync(connection, $"PRAGMA user_version = {SchemaVersion};", cancellationToken, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _ready, 1);
    }

    public static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS actors (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            created TEXT NOT NULL,
            note TEXT);
        CREATE TABLE IF NOT EXISTS clips (
            actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
            sha256 TEXT NOT NULL,
            path TEXT NOT NULL,
            seconds REAL NOT NULL,
            source TEXT,
            added TEXT NOT NULL,
            PRIMARY KEY (actor_id, sha256));
        CREATE TABLE IF NOT EXISTS embeddings (
            id INTEGER PRIMARY KEY,
            actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            vector BLOB NOT NULL,
            source TEXT,
            added TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS assignments (
            actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
            language TEXT NOT NULL COLLATE NOCASE,
            engine TEXT NOT NULL,
            voice TEXT NOT NULL,
            rate REAL,
            pitch REAL,
            assigned TEXT NOT NULL,
            PRIMARY KEY (actor_id, language));
        CREATE TABLE IF NOT EXISTS consents (
            id INTEGER PRIMARY KEY,
            actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
            consented_by TEXT NOT NULL,
            statement TEXT NOT NULL,
            date TEXT NOT NULL,
            clip_sha256 TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS cloned_voices (
            id INTEGER PRIMARY KEY,
            actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
            engine TEXT NOT NULL,
            voice_id TEXT NOT NULL,
            consent_id INTEGER NOT NULL REFERENCES consents(id) ON DELETE CASCADE,
            created TEXT NOT NULL);
        """;
}
