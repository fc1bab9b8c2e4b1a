using System.Runtime.InteropServices;

namespace DubAgent.Core.Voices;

/// <summary>An embedding stored as little-endian float32s, the compact form SQLite keeps as a BLOB.</summary>
public static class EmbeddingBlob
{
    public static byte[] Pack(IReadOnlyList<float> vector)
    {
        var values = vector.ToArray();
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("The voice library stores embeddings little-endian.");
        return MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
    }

    public static float[] Unpack(byte[] blob) => MemoryMarshal.Cast<byte, float>(blob.AsSpan()).ToArray();
}
