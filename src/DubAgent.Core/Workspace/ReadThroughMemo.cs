using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Core.Media;

namespace DubAgent.Core.Workspace;

/// <summary>
/// `read-through.json` in a job folder: content hashes of the media inputs that were read through without fault, so a
/// cached re-run does not decode the same video again.
/// </summary>
public sealed class ReadThroughMemo
{
    public const string FileName = "read-through.json";

    private readonly string _path;
    private readonly HashSet<string> _hashes;

    private ReadThroughMemo(string path, HashSet<string> hashes)
    {
        _path = path;
        _hashes = hashes;
    }

    public static ReadThroughMemo Load(string jobDirectory)
    {
        var path = Path.Combine(jobDirectory, FileName);
        try
        {
            var hashes = File.Exists(path) ? JsonSerializer.Deserialize<HashSet<string>>(File.ReadAllText(path), DubAgentJson.Options) : null;
            return new ReadThroughMemo(path, hashes ?? new HashSet<string>(StringComparer.Ordinal));
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return new ReadThroughMemo(path, new HashSet<string>(StringComparer.Ordinal));
        }
    }

    public bool Contains(string hash) => _hashes.Contains(hash);

    public void Add(string hash)
    {
        if (_hashes.Add(hash)) AtomicFile.WriteAllText(_path, JsonSerializer.Serialize(_hashes.Order(StringComparer.Ordinal), DubAgentJson.Options));
    }
}
