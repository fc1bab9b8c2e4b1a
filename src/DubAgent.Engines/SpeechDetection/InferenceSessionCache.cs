using Microsoft.ML.OnnxRuntime;

namespace DubAgent.Engines.SpeechDetection;

/// <summary>
/// One ONNX Runtime session per model file, made on first use and shared by every caller (Run is thread-safe).
/// Sessions run on one thread: the product runs several files and tools at once, and small models gain nothing from more.
/// A file replaced on disk (other size or time) gets a new session.
/// </summary>
public sealed class InferenceSessionCache : IDisposable
{
    private readonly Dictionary<string, (DateTime Written, long Length, InferenceSession Session)> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <exception cref="OnnxRuntimeException">The file is not a model ONNX Runtime can load.</exception>
    public InferenceSession Get(string modelPath)
    {
        var file = new FileInfo(Path.GetFullPath(modelPath));
        if (!file.Exists) throw new FileNotFoundException($"Model file '{file.FullName}' does not exist.", file.FullName);
        lock (_lock)
        {
            if (_sessions.TryGetValue(file.FullName, out var known))
            {
                if (known.Written == file.LastWriteTimeUtc && known.Length == file.Length) return known.Session;
                known.Session.Dispose();
                _sessions.Remove(file.FullName);
            }
            using var options = new SessionOptions
            {
                IntraOpNumThreads = 1,
                InterOpNumThreads = 1,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            };
            var session = new InferenceSession(file.FullName, options);
            _sessions[file.FullName] = (file.LastWriteTimeUtc, file.Length, session);
            return session;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var (_, _, session) in _sessions.Values) session.Dispose();
            _sessions.Clear();
        }
    }
}
