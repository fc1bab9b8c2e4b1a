using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;
using DubAgent.Engines.Diarization;

namespace DubAgent.Engines.Voices;

/// <summary>Audio files of someone's voice read as 16 kHz mono samples (decoded by ffmpeg into a scratch folder, then removed).</summary>
public sealed class VoiceSamples(IMediaToolkit media)
{
    public async Task<IReadOnlyList<float[]>> ReadAsync(IReadOnlyList<string> files, string scratch, CancellationToken cancellationToken)
    {
        var stretches = new List<float[]>();
        Directory.CreateDirectory(scratch);
        foreach (var file in files)
        {
            var wav = Path.Combine(scratch, $".sample-{Guid.NewGuid():N}.wav");
            try
            {
                await media.ExtractAudioAsync(file, wav, KaldiFbank.SampleRate, 1, SampleEncoding.Pcm16, null, cancellationToken).ConfigureAwait(false);
                var (_, samples) = WavReader.ReadAll(wav);
                stretches.Add(samples);
            }
            catch (MediaException e)
            {
                throw new InputException($"The sample '{file}' is not audio ffmpeg can read: {e.Message}", "Give recordings of the voice (WAV, FLAC, MP3, or a video with sound).", e);
            }
            finally
            {
                if (File.Exists(wav)) File.Delete(wav);
            }
        }
        return stretches;
    }
}
