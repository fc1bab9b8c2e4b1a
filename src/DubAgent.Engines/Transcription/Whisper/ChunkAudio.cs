using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Engines.SpeechDetection;

namespace DubAgent.Engines.Transcription.Whisper;

/// <summary>The samples of one chunk: its pieces read from the 16 kHz mono WAV and laid end to end (only the chunk is in memory).</summary>
public static class ChunkAudio
{
    public static float[] Read(IMediaToolkit media, string wav, SpeechChunk chunk)
    {
        using var reader = media.OpenWav(wav);
        if (reader.Format is not { SampleRate: Mono16kExtractor.SampleRate, Channels: 1 })
            throw new EngineFailedException(WhisperTranscriber.EngineName, $"'{wav}' is not 16 kHz mono", "this is a bug: the audio should have been converted first");
        var rate = reader.Format.SampleRate;
        var samples = new List<float>((int)(chunk.Duration * rate) + 16);
        var buffer = new float[rate];
        foreach (var piece in chunk.Pieces)
        {
            reader.Seek((long)Math.Round(piece.SourceStart * rate));
            var wanted = (int)Math.Round(piece.Duration * rate);
            while (wanted > 0)
            {
                var read = reader.Read(buffer.AsSpan(0, Math.Min(buffer.Length, wanted)));
                if (read == 0) break;
                samples.AddRange(buffer.AsSpan(0, read));
                wanted -= read;
            }
        }
        return samples.ToArray();
    }
}
