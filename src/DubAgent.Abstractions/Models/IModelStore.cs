namespace DubAgent.Abstractions.Models;

/// <summary>One model of the catalog shipped with the product: where it comes from and how to check it.</summary>
/// <param name="Id">The name `dubagent models` and settings use (e.g. `whisper-base`, `silero-vad`).</param>
/// <param name="Engine">The engine that uses it (`whisper`, `silero-vad`, `mdx`, `piper`...).</param>
/// <param name="FileName">The file's name in the models folder.</param>
/// <param name="Url">Where it is downloaded from (its publisher).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file; null when its publisher gives only an MD5 (<paramref name="Md5"/>).</param>
/// <param name="Size">Bytes.</param>
/// <param name="Licence">The model's licence (SPDX id where there is one).</param>
/// <param name="Purpose">What it is for, in a few words.</param>
/// <param name="Md5">
/// Lower-case hex MD5 its publisher gives, for a file pinned that way instead of by SHA-256: a download must have the
/// size and this MD5, and the SHA-256 it had then is recorded beside it for every later check.
/// </param>
public sealed record ModelEntry(string Id, string Engine, string FileName, string Url, string? Sha256, long Size, string Licence, string Purpose,
    string? Md5 = null)
{
    /// <summary>What the entry is pinned by: "sha256", or "md5+size" (the publisher's MD5 and size).</summary>
    public string PinnedBy => Sha256 is not null ? "sha256" : "md5+size";
}

/// <summary>
/// The models an engine needs, from one catalog into one cache folder (`Models:Directory`). Engines ask it for a path;
/// a model that is absent and cannot be fetched is an EngineUnavailableException naming its URL and
/// `dubagent models add`.
/// </summary>
public interface IModelStore
{
    IReadOnlyList<ModelEntry> Catalog { get; }

    /// <summary>The catalog entry of that id, or null.</summary>
    ModelEntry? Entry(string id);

    /// <summary>The local path of the model when it is present (complete, checked when it was stored), else null.</summary>
    string? Find(string id);

    /// <summary>
    /// The local path of the model, downloading it first when it is absent and `Models:AutoDownload` allows;
    /// EngineUnavailableException (with the URL and the `dubagent models add` command) when it cannot be had.
    /// </summary>
    Task<string> RequireAsync(string id, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken);
}
