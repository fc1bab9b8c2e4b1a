using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Media;
using DubAgent.Engines.Separation.Residue;

namespace DubAgent.Engines.Separation;

/// <summary>The `separate_audio` tool: stems of a soundtrack by the chosen (or best available) engine, plus separation.json.</summary>
public sealed class SeparateAudioTool(IEngineRegistry engines, IMediaToolkit media) : Tool<SeparateAudioArguments, SeparateAudioResult>
{
    public const string ToolName = "separate_audio";
    public const string RecordFile = "separation.json";

    /// <summary>The M&amp;E stem: music and effects without the dialogue, for professionals who mix their own dub.</summary>
    public const string MusicAndEffectsStem = "music_and_effects";

    public override string Name => ToolName;

    public override string? Capability => Capabilities.Separate;

    public override string Description =>
        "Splits the soundtrack of a video or audio file into stems so the dialogue can be replaced while music, effects and ambience stay: " +
        "writes vocals.wav and background.wav (plus music.wav and sfx.wav with stems='four', and the M&E track music_and_effects.wav with " +
        "music_and_effects=true) at the source's sample rate and channel count, " +
        "and separation.json. Engine `ffmpeg` does no separation (original.wav only: the dub is laid over the ducked original; fine for short, " +
        "low-budget videos); `mdx` (in process) and `uvr` (audio-separator) suit dialogue-heavy content (talk shows), `demucs` cinematic content " +
        "(keeps music); `dsp` runs anywhere with no model. " +
        "5.1 sources: dialogue is taken from the centre channel. Usually follows analyze_media (its content_guess picks the engine) and precedes transcribe (on vocals.wav) and mix.";

    public override async Task<SeparateAudioResult> InvokeAsync(SeparateAudioArguments arguments, ToolContext context)
    {
        var clock = Stopwatch.StartNew();
        var token = context.CancellationToken;
        var input = context.Paths.CheckRead(InputFiles.RequireFile(arguments.Input, "input"), "input");
        var output = InputFiles.RequireWritableDirectory(
            context.Paths.CheckWrite(string.IsNullOrWhiteSpace(arguments.Out) ? context.WorkDirectory : arguments.Out, "out"), "out");
        var options = Options(arguments);

        var info = await media.ProbeAsync(input, token).ConfigureAwait(false);
        var audio = info.FirstAudio
            ?? throw new InputException($"'{arguments.Input}' has no audio stream, so there is nothing to separate.", "Give a video or audio file with a soundtrack.");
        var duration = audio.Duration ?? info.Duration;

        var (engine, status) = await engines.ResolveAsync<ISeparator>(Capabilities.Separate, arguments.Engine, token).ConfigureAwait(false);
        context.Report.Engine = engine.Name;
        context.Report.EngineVersion = status.Version;
        context.Report.MediaSeconds = duration;

        var separation = await engine.SeparateAsync(new SeparationRequest(input, output, options), context.ForEngine()).ConfigureAwait(false);
        if (separation.Stems.Count == 0)
            throw new EngineFailedException(engine.Name, "it reported no stems", "Run `dubagent doctor` and try another engine.");
        foreach (var (stem, path) in separation.Stems)
            if (!File.Exists(path)) throw new EngineFailedException(engine.Name, $"its {stem} stem '{path}' was not written");

        var separated = separation.Stems.ContainsKey(StemNames.Vocals);
        var stems = separation.Stems.ToDictionary(s => s.Key, s => s.Value);
        if (separation.Note is { } note) context.Report.Notes.Add(note);
        if (arguments.MusicAndEffects)
            await AddMusicAndEffectsAsync(stems, output, context).ConfigureAwait(false);
        var elapsed = clock.Elapsed.TotalSeconds;
        var record = new SeparationRecord
        {
            Engine = engine.Name,
            EngineVersion = status.Version,
            Input = input,
            Separated = separated,
            Stems = stems,
            Note = separation.Note,
            DurationSeconds = Math.Round(duration, 3),
            SampleRate = audio.SampleRate ?? 0,
            Channels = audio.Channels ?? 0,
            Options = options.ToDictionary(o => o.Key, o => o.Value),
            ElapsedSeconds = Math.Round(elapsed, 3),
        };
        var recordPath = Path.Combine(output, RecordFile);
        AtomicFile.WriteAllText(recordPath, JsonSerializer.Serialize(record, DubAgentJson.Options));
        context.Progress.Report(new ProgressUpdate(1, separated ? "stems written" : "original audio extracted"));

        return new SeparateAudioResult
        {
            Engine = engine.Name,
            EngineVersion = status.Version,
            Stems = record.Stems,
            Speech = record.Stems.GetValueOrDefault(StemNames.Vocals) ?? record.Stems.GetValueOrDefault(StemNames.Original) ?? "",
            Separated = separated,
            Note = separation.Note,
            Record = recordPath,
            DurationSeconds = record.DurationSeconds,
            SampleRate = record.SampleRate,
            Channels = record.Channels,
            ElapsedSeconds = record.ElapsedSeconds,
            RealTimeFactor = duration > 0 ? Math.Round(elapsed / duration, 4) : 0,
        };
    }

    /// <summary>
    /// music_and_effects.wav: the background with the original voice's remains taken out by the separated vocals
    /// (<see cref="VoiceResidueRemover"/>); the plain route has no stems to make it from, and says so.
    /// </summary>
    private static async Task AddMusicAndEffectsAsync(Dictionary<string, string> stems, string output, ToolContext context)
    {
        if (!stems.TryGetValue(StemNames.Vocals, out var vocals) || !stems.TryGetValue(StemNames.Background, out var background))
        {
            context.Report.Notes.Add("no music_and_effects.wav: this engine does not separate the dialogue (choose dsp, mdx, uvr or demucs)");
            return;
        }
        context.Progress.Report(new ProgressUpdate(0.95, "writing the M&E track"));
        var path = Path.Combine(output, MusicAndEffectsStem + ".wav");
        var removal = await Task.Run(() => new VoiceResidueRemover().Remove(background, vocals, path, SampleEncoding.Pcm16, context.CancellationToken),
            context.CancellationToken).ConfigureAwait(false);
        stems[MusicAndEffectsStem] = path;
        context.Report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"music_and_effects.wav: the voice's remains taken out of the background in {removal.CutSeconds:0.#} s (mean {removal.MeanCutDb:0.#} dB)"));
    }

    private static Dictionary<string, string> Options(SeparateAudioArguments a)
    {
        if (a.Stems is { } stems && stems is not ("two" or "four" or "2" or "4"))
            throw new InputException($"stems '{stems}' is not known.", "Use 'two' (vocals + background) or 'four' (also music and sfx).");
        if (a.Shifts is < 1 or > 20) throw new InputException($"shifts {a.Shifts} is out of range.", "Use 1 to 20 (Demucs' default is 1).");
        if (a.Segment is < 1) throw new InputException($"segment {a.Segment} must be a positive number of seconds.");
        var options = new Dictionary<string, string>();
        void Set(string key, string? value) { if (!string.IsNullOrWhiteSpace(value)) options[key] = value; }
        Set(SeparationOptions.Stems, a.Stems);
        Set(SeparationOptions.Model, a.Model);
        Set(SeparationOptions.Device, a.Device);
        Set(SeparationOptions.Shifts, a.Shifts?.ToString(CultureInfo.InvariantCulture));
        Set(SeparationOptions.Segment, a.Segment?.ToString(CultureInfo.InvariantCulture));
        return options;
    }
}
