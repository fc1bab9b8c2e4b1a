namespace DubAgent.Engines.Transcription.Whisper;

/// <summary>
/// Checks the layout of a whisper.cpp ggml model before whisper.cpp reads it: its loader trusts the file, and a file cut
/// short in its header or vocabulary makes it throw a C++ exception that aborts the whole process. Layout: magic "ggml",
/// 11 int32 hyperparameters, the mel filters (n_mel, n_fft, then floats), the vocabulary (count, then length-prefixed
/// tokens), then tensors (n_dims, name length, type, dims, name, data) to the end of the file.
/// </summary>
public static class GgmlModelFile
{
    private const uint Magic = 0x67676d6c; // "ggml", little-endian

    /// <summary>(elements per block, bytes per block) of the ggml types Whisper models use.</summary>
    private static readonly Dictionary<int, (int Block, int Bytes)> Types = new()
    {
        [0] = (1, 4), [1] = (1, 2), [2] = (32, 18), [3] = (32, 20), [6] = (32, 22), [7] = (32, 24), [8] = (32, 34), [30] = (1, 2),
    };

    /// <returns>Null when the file is laid out as a ggml Whisper model, else what is wrong with it.</returns>
    public static string? Problem(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var length = file.Length;
        var reader = new BinaryReader(file);
        if (length < 4 + 11 * 4 + 8 || reader.ReadUInt32() != Magic) return "it does not start like a ggml model";
        var hyper = Enumerable.Range(0, 11).Select(_ => reader.ReadInt32()).ToArray();
        if (hyper.Take(10).Any(v => v <= 0 || v > 1_000_000)) return "its hyperparameters are out of range";

        var mels = reader.ReadInt32();
        var fft = reader.ReadInt32();
        if (mels is <= 0 or > 1024 || fft is <= 0 or > 8192) return "its mel filter header is out of range";
        if (!Skip(file, (long)mels * fft * 4)) return "it ends inside the mel filters";

        if (file.Position + 4 > length) return "it ends before the vocabulary";
        var vocabulary = reader.ReadInt32();
        if (vocabulary is <= 0 or > 1_000_000) return "its vocabulary size is out of range";
        for (var i = 0; i < vocabulary; i++)
        {
            if (file.Position + 4 > length) return "it ends inside the vocabulary";
            var tokenLength = reader.ReadUInt32();
            if (tokenLength > 4096 || !Skip(file, tokenLength)) return "it ends inside the vocabulary";
        }

        // A file of header and vocabulary only is whisper.cpp's own test model; otherwise every tensor must be whole.
        while (file.Position < length)
        {
            if (file.Position + 12 > length) return "it ends inside a tensor header";
            var dims = reader.ReadInt32();
            var nameLength = reader.ReadInt32();
            var type = reader.ReadInt32();
            if (dims is < 1 or > 4 || nameLength is < 1 or > 1024) return "a tensor header is out of range";
            if (file.Position + 4L * dims + nameLength > length) return "it ends inside a tensor header";
            long elements = 1;
            for (var d = 0; d < dims; d++)
            {
                var size = reader.ReadInt32();
                if (size <= 0) return "a tensor has a non-positive size";
                elements *= size;
            }
            file.Seek(nameLength, SeekOrigin.Current);
            if (!Types.TryGetValue(type, out var layout)) return null; // a type this check does not know: leave the rest to whisper.cpp
            if (elements % layout.Block != 0) return "a tensor does not fill its quantization blocks";
            if (!Skip(file, elements / layout.Block * layout.Bytes)) return "it ends inside a tensor's data (the file is cut short)";
        }
        return null;

        bool Skip(FileStream stream, long bytes)
        {
            if (bytes < 0 || stream.Position + bytes > length) return false;
            stream.Seek(bytes, SeekOrigin.Current);
            return true;
        }
    }
}
