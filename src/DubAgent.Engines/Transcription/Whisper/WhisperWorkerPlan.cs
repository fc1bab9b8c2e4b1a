namespace DubAgent.Engines.Transcription.Whisper;

/// <summary>
/// How many Whisper processors run side by side (each has its own decoder state; the weights are shared) and how many
/// threads each gets: as many workers as there are cores and pieces of speech, as far as memory allows, and the cores
/// split between them. Settings Whisper:Workers and Whisper:Threads override.
/// </summary>
public readonly record struct WhisperWorkerPlan(int Workers, int ThreadsEach)
{
    /// <summary>
    /// Rough per-worker state (KV caches and compute buffers), from whisper.cpp's table of memory use against file size:
    /// about 200 MB plus 60 % of the model file.
    /// </summary>
    public static long StateBytes(long modelBytes) => 200_000_000 + (long)(modelBytes * 0.6);

    public static WhisperWorkerPlan For(long modelBytes, int pieces, int cores, long availableBytes, int? workers = null, int? threads = null)
    {
        cores = Math.Max(1, cores);
        // Half the memory left once the weights are loaded: the rest of the pipeline and the machine need some too.
        var budget = availableBytes / 2 - modelBytes;
        var byMemory = (int)Math.Clamp(budget / StateBytes(modelBytes), 1, int.MaxValue);
        var count = workers ?? Math.Max(1, Math.Min(Math.Min(cores, byMemory), Math.Max(1, pieces)));
        return new WhisperWorkerPlan(count, threads ?? Math.Max(1, cores / count));
    }
}
