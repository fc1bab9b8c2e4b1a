using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Models;
using DubAgent.Core.Media;

namespace DubAgent.Core.Models;

/// <summary>
/// The models folder (Models:Directory) filled from the catalog: a model is `FILE_NAME` in that folder, present when it
/// has the catalog's size (its SHA-256 was checked before it was renamed into place, by pull and add alike). A download
/// goes to `FILE_NAME.partial` (kept across runs, so the next pull resumes it) under the cross-process lock
/// `FILE_NAME.lock`, and becomes the model only after its checksum matched. An entry its publisher pins by MD5 and size
/// is checked against those, and the SHA-256 it had then is recorded as `FILE_NAME.sha256` (<see cref="RecordedSha256"/>)
/// before the model is renamed into place: such a model is present only with that record, and verify checks it.
/// </summary>
public sealed class ModelStore : IModelStore, IDisposable
{
    private readonly HttpMessageHandler? _handler;
    private readonly Lazy<ModelDownloader> _downloader;

    /// <param name="catalog">The entries to serve (default: the shipped catalog plus Models:Catalog).</param>
    /// <param name="handler">The HTTP handler downloads go through (tests); default: sockets with the connect timeout and system proxy.</param>
    public ModelStore(ModelStoreOptions options, IReadOnlyList<ModelEntry>? catalog = null, HttpMessageHandler? handler = null)
    {
        Options = options;
        Catalog = catalog ?? ModelCatalog.With(options.CatalogFile);
        _handler = handler;
        _downloader = new Lazy<ModelDownloader>(() => new ModelDownloader(options, _handler));
    }

    public ModelStoreOptions Options { get; }

    public string Directory => Options.Directory;

    public IReadOnlyList<ModelEntry> Catalog { get; }

    public ModelEntry? Entry(string id) => Catalog.FirstOrDefault(e => e.Id.Equals(id.Trim(), StringComparison.OrdinalIgnoreCase));

    public string PathOf(ModelEntry entry) => Path.Combine(Directory, entry.FileName);

    public string? Find(string id) =>
        Entry(id) is { } entry && new FileInfo(PathOf(entry)) is { Exists: true } file && file.Length == entry.Size
        && (!ModelPins.NeedsMd5(entry) || RecordedSha256.Read(file.FullName) is not null)
            ? file.FullName
            : null;

    /// <summary>Every catalog entry with whether it is here.</summary>
    public IReadOnlyList<StoredModel> List() => Catalog.Select(e =>
    {
        var partial = new FileInfo(PathOf(e) + ".partial");
        return new StoredModel(e, Find(e.Id) is not null, PathOf(e), partial.Exists ? partial.Length : 0);
    }).ToList();

    public async Task<string> RequireAsync(string id, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        var entry = Known(id);
        if (Find(entry.Id) is { } path) return path;
        if (!Options.AutoDownload)
            throw ModelUnavailable.Create(entry, $"it is not in {Directory} and Models:AutoDownload is off");
        return await PullAsync(entry.Id, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Downloads the model (resuming a partial download), checks its SHA-256 (or its publisher's size and MD5, then
    /// records its SHA-256), then renames it into place.
    /// </summary>
    public async Task<string> PullAsync(string id, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        var entry = Known(id);
        var path = PathOf(entry);
        AtomicFile.RequireFolder(Directory, path);
        using var hold = await ModelDownloadLock.AcquireAsync(path + ".lock", entry.Id, progress, cancellationToken).ConfigureAwait(false);
        if (Find(entry.Id) is { } stored) return stored; // another process finished it while we waited

        var partial = path + ".partial";
        try
        {
            await _downloader.Value.DownloadAsync(entry, partial, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (StorageException.IsDiskFull(e))
        {
            throw StorageException.DiskFull(partial, e);
        }
        var (sha256, md5) = await FileSha256.ComputeWithMd5Async(partial, ModelPins.NeedsMd5(entry), progress, $"checking {entry.Id}", cancellationToken)
            .ConfigureAwait(false);
        if (ModelPins.Mismatch(entry, new FileInfo(partial).Length, sha256, md5) is { } problem)
        {
            File.Delete(partial); // a wrong file is never resumed either
            throw ModelUnavailable.Create(entry, $"the file downloaded from {entry.Url} has {problem}; it was removed");
        }
        await RecordBeforeCommitAsync(entry, path, sha256).ConfigureAwait(false);
        AtomicFile.MoveIntoPlace(partial, path);
        progress?.Report(new ProgressUpdate(1, $"{entry.Id} stored"));
        return path;
    }

    /// <summary>
    /// Stores a file the user already has: it must be a catalog model (named by <paramref name="id"/>, or recognised by its
    /// SHA-256, or by its publisher's size and MD5), checked before it is copied in under a temporary name and renamed.
    /// </summary>
    public async Task<ModelEntry> AddAsync(string file, string? id, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
            throw new InputException($"The model file '{file}' does not exist.", "Give the path of a model file you downloaded.");
        var named = id is null ? null : Entry(id) ?? throw new InputException($"'{id}' is not a model of the catalog.",
            "Use an id from `dubagent models list`; the store holds only catalog models, whose checksums it knows.");
        var needsMd5 = named is null ? Catalog.Any(ModelPins.NeedsMd5) : ModelPins.NeedsMd5(named);
        var (hash, md5) = await FileSha256.ComputeWithMd5Async(file, needsMd5, progress, $"checking {Path.GetFileName(file)}", cancellationToken)
            .ConfigureAwait(false);
        var size = new FileInfo(file).Length;
        var entry = named ?? Catalog.FirstOrDefault(e => ModelPins.Matches(e, size, hash, md5))
            ?? throw new InputException($"'{file}' is none of the catalog's models (its SHA-256 is {hash}).",
                "Give --id ID to name the model it should be; `dubagent models list` shows the ids and checksums.");
        if (ModelPins.Mismatch(entry, size, hash, md5) is { } problem)
            throw new InputException($"'{file}' is not {entry.Id}: it has {problem}.",
                $"The file is damaged or another model; download {entry.Url} again, or run `dubagent models pull {entry.Id}`.");

        var path = PathOf(entry);
        AtomicFile.RequireFolder(Directory, path);
        using var hold = await ModelDownloadLock.AcquireAsync(path + ".lock", entry.Id, progress, cancellationToken).ConfigureAwait(false);
        if (Find(entry.Id) is null)
        {
            await RecordBeforeCommitAsync(entry, path, hash).ConfigureAwait(false);
            await AtomicFile.WriteAsync(path, async temporary =>
            {
                await using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true);
                await using var target = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20, useAsync: true);
                await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        progress?.Report(new ProgressUpdate(1, $"{entry.Id} stored"));
        return entry;
    }

    /// <summary>
    /// Re-reads every stored model and compares its SHA-256 with the catalog's, or with the one recorded when a model
    /// pinned by its publisher's MD5 was stored (a disk can damage a file after it was checked).
    /// </summary>
    public async Task<IReadOnlyList<ModelCheck>> VerifyAsync(IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        var checks = new List<ModelCheck>();
        foreach (var entry in Catalog)
        {
            var file = new FileInfo(PathOf(entry));
            if (!file.Exists) continue;
            if (file.Length != entry.Size)
            {
                checks.Add(new ModelCheck(entry, file.FullName, false, $"{file.Length} bytes, the catalog says {entry.Size}"));
                continue;
            }
            var expected = entry.Sha256 ?? RecordedSha256.Read(file.FullName);
            if (expected is null)
            {
                checks.Add(new ModelCheck(entry, file.FullName, false,
                    $"no SHA-256 was recorded when it was stored ({Path.GetFileName(RecordedSha256.PathFor(file.FullName))}); remove it and pull it again"));
                continue;
            }
            var hash = await FileSha256.ComputeAsync(file.FullName, progress, $"checking {entry.Id}", cancellationToken).ConfigureAwait(false);
            var source = entry.Sha256 is null ? "the one recorded when it was downloaded" : "the catalog's";
            checks.Add(hash == expected
                ? new ModelCheck(entry, file.FullName, true, $"SHA-256 matches {source}")
                : new ModelCheck(entry, file.FullName, false, $"SHA-256 {hash}, not {source} {expected}"));
        }
        return checks;
    }

    /// <summary>Deletes the model and any partial download of it; false when there was nothing to delete.</summary>
    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        var entry = Known(id);
        var path = PathOf(entry);
        if (!System.IO.Directory.Exists(Directory)) return false;
        using var hold = await ModelDownloadLock.AcquireAsync(path + ".lock", entry.Id, null, cancellationToken).ConfigureAwait(false);
        var removed = false;
        foreach (var file in new[] { path, path + ".partial", RecordedSha256.PathFor(path) })
        {
            if (!File.Exists(file)) continue;
            File.Delete(file);
            removed = true;
        }
        return removed;
    }

    /// <summary>
    /// An MD5-pinned model's SHA-256 is recorded before the model is renamed into place; a file already there without
    /// a record goes first, so that no reader ever pairs the new record with it.
    /// </summary>
    private static async Task RecordBeforeCommitAsync(ModelEntry entry, string path, string sha256)
    {
        if (!ModelPins.NeedsMd5(entry)) return;
        if (File.Exists(path)) File.Delete(path);
        await RecordedSha256.WriteAsync(path, sha256).ConfigureAwait(false);
    }

    private ModelEntry Known(string id) => Entry(id) ?? throw new InputException($"'{id}' is not a model of the catalog.",
        $"Use one of: {string.Join(", ", Catalog.Select(e => e.Id))} (`dubagent models list`).");

    public void Dispose()
    {
        if (_downloader.IsValueCreated) _downloader.Value.Dispose();
    }
}
