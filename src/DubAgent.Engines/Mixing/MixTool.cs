using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Media;
using DubAgent.Engines.Separation.Residue;
using DubAgent.Engines.Transcription;

namespace DubAgent.Engines.Mixing;

/// <summary>The `mix` tool: voice over the ducked bed (background stem or original audio) and music, normalized to a loudness target.</summary>
public sealed class MixTool(IMediaToolkit media) : Tool<MixArguments, MixResult>
{
    public const string FileName = "mix.wav";
    public const string RecordName = "mix.json";

    public override string Name => "mix";

    public override string Description =>
        "Mixes the dubbed voice track (voice.wav from synthesize) with the background stem (separated route) or the original " +
        "audio at a reduced level (plain route), plus optional music that is looped to the video's length with 1 s fades. " +
        "Given the separation's vocals too, what the separation left of the original voice is taken out of the background " +
        "while the original speaker talks (voice_residue_depth_db), so the original speech is not heard under the dub. " +
        "Background and music duck under the voice (sidechain compression: duck_depth_db, duck_threshold_db, attack, release). " +
        "The result is normalized with two-pass EBU R128 to 'streaming' (-16 LUFS, default), 'broadcast' (-23 LUFS) or a " +
        "'custom' target, true peak at most -1 dBTP. Writes mix.wav in the format export delivers (the source's " +
        "rate up to 48 kHz; mono or stereo, 5.1 is downmixed) and mix.json; returns the measured loudness. Next: export.";

    public override async Task<MixResult> InvokeAsync(MixArguments arguments, ToolContext context)
    {
        var settings = MixSettings.From(arguments);
        var ct = context.CancellationToken;
        if (arguments.Background is not null && arguments.Original is not null)
            throw new InputException("Both 'background' and 'original' were given.",
                "Give 'background' (the separated background stem) or 'original' (the original audio, plain route), not both.");
        if (arguments.Vocals is not null && arguments.Background is null)
            throw new InputException("'vocals' was given without 'background'.",
                "Give the background stem of the same separation as 'background', or leave 'vocals' out (the plain route has no background to clean).");

        var voice = await ProbeAudioAsync(InputPath.Require(context.Paths, arguments.Voice, "voice"), "voice", ct).ConfigureAwait(false);
        var bedPath = arguments.Background ?? arguments.Original;
        var bedName = arguments.Background is not null ? "background" : "original";
        var bed = bedPath is null ? null : await ProbeAudioAsync(InputPath.Require(context.Paths, bedPath, bedName), bedName, ct).ConfigureAwait(false);
        var music = arguments.Music is null ? null : await ProbeAudioAsync(InputPath.Require(context.Paths, arguments.Music, "music"), "music", ct).ConfigureAwait(false);
        var video = arguments.Video is null ? null : await media.ProbeAsync(InputPath.Require(context.Paths, arguments.Video, "video"), ct).ConfigureAwait(false);
        var vocals = arguments.Vocals is null ? null : await ProbeAudioAsync(InputPath.Require(context.Paths, arguments.Vocals, "vocals"), "vocals", ct).ConfigureAwait(false);
        var speech = arguments.Transcript is null ? null : SpeechOf(InputPath.Require(context.Paths, arguments.Transcript, "transcript"));

        var source = (bed ?? video ?? voice).FirstAudio ?? voice.FirstAudio!;
        // Downmixed and resampled in the graph, before the limiter, so the limiter holds what export delivers.
        var (rate, channels) = DeliveryFormat.For(source.SampleRate ?? 48000, source.Channels ?? 2);
        var duration = video?.Duration ?? LengthOf(bed) ?? LengthOf(voice)!.Value;
        var frames = (long)Math.Round(duration * rate);
        if (frames <= 0) throw new InputException("The mix would be empty: the inputs have no duration.", "Check the voice, background and video files.");
        var notes = new List<string>();
        var voiceLength = LengthOf(voice)!.Value;
        if (voiceLength > duration + 0.05)
            notes.Add($"The voice track ({voiceLength:0.00} s) is longer than the mix ({duration:0.00} s); its end is cut.");

        var work = InputFiles.RequireWritableDirectory(context.WorkDirectory, "work directory");
        var temporaries = new List<string>();
        try
        {
            string? musicBed = null;
            if (music is not null)
            {
                musicBed = await PrepareMusicAsync(music, rate, channels, frames, work, temporaries, notes, context).ConfigureAwait(false);
            }

            var bedFile = bed?.Path;
            MixVoiceResidue? residue = null;
            if (bed is not null && vocals is not null && settings.VoiceResidueDepthDb > 0)
            {
                (bedFile, residue) = await RemoveVoiceResidueAsync(bed, vocals, speech, settings.VoiceResidueDepthDb, work, temporaries, context).ConfigureAwait(false);
                notes.Add($"The original voice's remains were taken out of the background in {residue.CutSeconds:0.0} s of speech (mean cut {residue.MeanCutDb:0.0} dB, at most {residue.DepthDb:0} dB)"
                    + (speech is null ? "." : $", only around the transcript's {speech.Count} stretch(es) of speech."));
            }

            var premix = Temporary(work, "premix.wav", temporaries);
            var graph = new MixGraph
            {
                Voice = new MixInput(voice.Path, voice.FirstAudio!.Channels ?? 1, settings.VoiceVolume),
                Bed = bed is null ? null : new MixInput(bedFile!, bed.FirstAudio!.Channels ?? 1,
                    arguments.Background is not null ? settings.BackgroundVolume : settings.OriginalVolume),
                Music = musicBed is null ? null : new MixInput(musicBed, channels, settings.MusicVolume),
                SampleRate = rate,
                Channels = channels,
                Frames = frames,
                Ducking = settings.Ducking,
            };
            // A multi-input filter graph (mix, sidechain ducking): FFMpegCore's argument builder has no words for it.
            await media.RunFfmpegAsync(graph.BuildArguments(premix), duration, new ProgressSlice(context.Progress, 0.1, 0.5, "mix"),
                "mix the voice, background and music", ct).ConfigureAwait(false);

            var normalizer = new LoudnessNormalizer(media);
            var output = Path.Combine(work, FileName);
            var outcome = await normalizer.NormalizeAsync(premix, output, settings.Loudness, rate, channels, duration,
                new ProgressSlice(context.Progress, 0.5, 1.0, "normalize loudness"), ct).ConfigureAwait(false);
            if (outcome.Method == "gain_and_limiter")
                notes.Add($"The peaks did not allow a linear gain of {outcome.GainDb:0.0} dB within {LoudnessTarget.MixCeilingDbtp} dBTP; a true-peak limiter held them.");

            var result = new MixResult
            {
                Path = output,
                RecordPath = Path.Combine(work, RecordName),
                DurationSeconds = frames / (double)rate,
                SampleRate = rate,
                Channels = channels,
                Route = arguments.Background is not null ? "separated" : arguments.Original is not null ? "plain" : "voice_only",
                Volumes = new MixVolumes(settings.VoiceVolume,
                    arguments.Original is not null ? settings.OriginalVolume : null,
                    arguments.Background is not null ? settings.BackgroundVolume : null,
                    music is not null ? settings.MusicVolume : null,
                    graph.Ducks ? settings.Ducking.DepthDb : 0, settings.Ducking.ThresholdDb, settings.Ducking.AttackMs, settings.Ducking.ReleaseMs),
                Loudness = new MixLoudness(settings.Loudness.Preset, settings.Loudness.IntegratedLufs, LoudnessTarget.PromisedCeilingDbtp,
                    outcome.Output.IntegratedLufs, outcome.Output.LoudnessRangeLu, outcome.Output.TruePeakDbtp,
                    outcome.Input.IntegratedLufs, outcome.Input.TruePeakDbtp, outcome.Method),
                VoiceResidue = residue,
                Notes = notes,
            };
            AtomicFile.WriteAllText(result.RecordPath, JsonSerializer.Serialize(result, DubAgentJson.Options));

            context.Report.Engine = "ffmpeg";
            context.Report.MediaSeconds = result.DurationSeconds;
            context.Report.Notes.AddRange(notes);
            context.Report.Notes.Add($"{result.Loudness.IntegratedLufs:0.0} LUFS (target {result.Loudness.TargetLufs:0.#}), true peak {result.Loudness.TruePeakDbtp:0.0} dBTP");
            return result;
        }
        finally
        {
            foreach (var file in temporaries) File.Delete(file);
        }
    }

    private async Task<string> PrepareMusicAsync(MediaInfo music, int rate, int channels, long frames, string work,
        List<string> temporaries, List<string> notes, ToolContext context)
    {
        var decoded = Temporary(work, "music.decoded.wav", temporaries);
        await media.ExtractAudioAsync(music.Path, decoded, rate, channels, SampleEncoding.Float32,
            new ProgressSlice(context.Progress, 0, 0.05, "decode music"), context.CancellationToken).ConfigureAwait(false);
        var musicBed = Temporary(work, "music.bed.wav", temporaries);
        var starts = new MusicBedWriter().Write(decoded, musicBed, frames, context.CancellationToken);
        var seconds = frames / (double)rate;
        var musicSeconds = LengthOf(music) ?? 0;
        notes.Add(musicSeconds > seconds
            ? $"The music ({musicSeconds:0.0} s) is longer than the video ({seconds:0.0} s): it is cut at {seconds:0.000} s with a 1 s fade out."
            : $"The music ({musicSeconds:0.0} s) plays {starts} time(s), crossfaded at each loop, cut at {seconds:0.000} s with 1 s fades.");
        return musicBed;
    }

    /// <summary>
    /// The background with the original voice's remains taken out (<see cref="VoiceResidueRemover"/>), as a float WAV
    /// temporary; both stems are decoded to the background's own rate and channels first when they are not such WAVs.
    /// </summary>
    private async Task<(string Path, MixVoiceResidue Residue)> RemoveVoiceResidueAsync(MediaInfo background, MediaInfo vocals, SpeechSpans? speech, double depthDb,
        string work, List<string> temporaries, ToolContext context)
    {
        var rate = background.FirstAudio!.SampleRate ?? 48000;
        var channels = background.FirstAudio.Channels ?? 2;
        var backgroundWav = await AsWavAsync(background, rate, channels, work, temporaries, context).ConfigureAwait(false);
        var vocalsWav = await AsWavAsync(vocals, rate, channels, work, temporaries, context).ConfigureAwait(false);
        var cleaned = Temporary(work, "background.clean.wav", temporaries);
        context.Progress.Report(new ProgressUpdate(0.05, "taking the original voice out of the background"));
        var remover = new VoiceResidueRemover(VoiceResidueSettings.Default with { DepthDb = depthDb });
        var removal = await Task.Run(() => remover.Remove(backgroundWav, vocalsWav, cleaned, SampleEncoding.Float32, context.CancellationToken, speech),
            context.CancellationToken).ConfigureAwait(false);
        return (cleaned, new MixVoiceResidue(depthDb, Math.Round(removal.CutSeconds, 2), Math.Round(removal.MeanCutDb, 2)));
    }

    /// <summary>The transcript's lines as the spans where the original speaker talks.</summary>
    private static SpeechSpans SpeechOf(string transcriptPath) =>
        new(TranscriptJson.Read(transcriptPath).Segments.Select(s => (s.Start, s.End)));

    /// <summary>The file itself when it is a WAV of that rate and channel count DubAgent reads, else a decoded temporary.</summary>
    private async Task<string> AsWavAsync(MediaInfo audio, int rate, int channels, string work, List<string> temporaries, ToolContext context)
    {
        if (audio.FirstAudio is { SampleRate: var r, Channels: var c } && r == rate && c == channels
            && audio.Path.EndsWith(".wav", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var reader = media.OpenWav(audio.Path);
                return audio.Path;
            }
            catch (MediaException)
            {
                // A WAV layout WavReader does not read (8-bit, A-law...): decode it below.
            }
        }
        var decoded = Temporary(work, Path.GetFileNameWithoutExtension(audio.Path) + ".decoded.wav", temporaries);
        await media.ExtractAudioAsync(audio.Path, decoded, rate, channels, SampleEncoding.Float32, null, context.CancellationToken).ConfigureAwait(false);
        return decoded;
    }

    private async Task<MediaInfo> ProbeAudioAsync(string path, string argument, CancellationToken ct)
    {
        MediaInfo info;
        try
        {
            info = await media.ProbeAsync(path, ct).ConfigureAwait(false);
        }
        catch (MediaException e)
        {
            throw new InputException($"The {argument} file '{path}' is not audio ffmpeg can read.",
                argument == "music" ? "Give a .wav, .mp3 or .m4a music file." : "Give a WAV or other audio file.", e);
        }
        if (info.FirstAudio is null)
            throw new InputException($"The {argument} file '{path}' has no audio stream.",
                argument == "music" ? "Give a .wav, .mp3 or .m4a music file." : "Give a file with an audio track.");
        return info;
    }

    private static double? LengthOf(MediaInfo? info) => info is null ? null : info.FirstAudio?.Duration ?? info.Duration;

    private static string Temporary(string work, string name, List<string> temporaries)
    {
        var path = Path.Combine(work, $".{Guid.NewGuid():N}.{name}");
        temporaries.Add(path);
        return path;
    }
}
