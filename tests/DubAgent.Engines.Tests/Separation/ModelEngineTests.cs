using DubAgent.Core.Media;
using DubAgent.Engines.Separation;
using DubAgent.Engines.Separation.Demucs;
using DubAgent.Engines.Separation.Uvr;

namespace DubAgent.Engines.Tests.Separation;

/// <summary>
/// The demucs and uvr adapters against their programs' documented command lines and output layouts. The programs
/// cannot be installed here, so each test writes a stand-in script that refuses any argv the real program would not
/// take and writes the files where the real one does (at 44.1 kHz stereo, as the models do).
/// </summary>
public sealed class ModelEngineTests : IDisposable
{
    private readonly SeparationMedia _media = new();

    private const string DemucsScript = """
        printf "%s " "$@" > "$(dirname "$0")/demucs.argv"
        model=""; two=0; out=""; file=""
        while [ $# -gt 0 ]; do
          case "$1" in
            -n) model="$2"; shift 2;;
            --two-stems=vocals) two=1; shift;;
            -d|--shifts|--segment) shift 2;;
            -o) out="$2"; shift 2;;
            -*) echo "demucs: error: unrecognized argument $1" >&2; exit 2;;
            *) file="$1"; shift;;
          esac
        done
        if [ -z "$model" ] || [ -z "$out" ] || [ ! -f "$file" ]; then echo "demucs: bad arguments" >&2; exit 2; fi
        track=$(basename "$file"); track="${track%.*}"; dir="$out/$model/$track"; mkdir -p "$dir"
        echo " 50%|#####     | 5.0/10.0 [00:01<00:01, 5.00seconds/s]" >&2
        if [ $two = 1 ]; then stems="vocals no_vocals"; else stems="vocals drums bass other"; fi
        for s in $stems; do ffmpeg -nostdin -loglevel error -y -i "$file" -ar 44100 -ac 2 "$dir/$s.wav" || exit 1; done
        """;

    private const string UvrScript = """
        if [ "$1" = "--version" ]; then echo "audio-separator 0.30.1"; exit 0; fi
        printf "%s " "$@" > "$(dirname "$0")/uvr.argv"
        file="$1"; shift; model=""; out=""; fmt=""
        while [ $# -gt 0 ]; do
          case "$1" in
            -m|--model_filename) model="$2"; shift 2;;
            --output_dir) out="$2"; shift 2;;
            --output_format) fmt="$2"; shift 2;;
            --sample_rate|--normalization|--model_file_dir) shift 2;;
            *) echo "audio-separator: error: unrecognized arguments: $1" >&2; exit 2;;
          esac
        done
        if [ ! -f "$file" ] || [ -z "$model" ] || [ -z "$out" ] || [ "$fmt" != "WAV" ]; then echo "bad arguments" >&2; exit 2; fi
        base=$(basename "$file"); base="${base%.*}"; name="${model%.*}"
        for s in Vocals Instrumental; do ffmpeg -nostdin -loglevel error -y -i "$file" -ar 44100 -ac 2 "$out/${base}_(${s})_${name}.wav" || exit 1; done
        """;

    private async Task<string> SourceAsync() =>
        await _media.GenerateAsync("source.wav", "sine=frequency=220:sample_rate=16000:duration=1", "-c:a", "pcm_s16le");

    [Fact]
    public async Task Demucs_two_stems_runs_its_documented_command_and_stems_come_back_at_the_source_layout()
    {
        var script = _media.Script("demucs", DemucsScript);
        var (tool, registry) = _media.Tool(SeparationMedia.Configuration(("Demucs:Program", script), ("Demucs:Python", "/nonexistent/python3")));
        var status = await registry.StatusAsync(registry.Find("separate", "demucs")!, CancellationToken.None);
        Assert.True(status.Available);

        var result = await tool.InvokeAsync(new SeparateAudioArguments { Input = await SourceAsync(), Engine = "demucs", Shifts = 2 }, _media.Context("d"));

        var argv = File.ReadAllText(_media.PathOf("bin/demucs.argv")).Trim();
        Assert.True(argv.StartsWith("-n htdemucs --two-stems=vocals --shifts 2 -o ", StringComparison.Ordinal), argv);
        Assert.Equal(["background", "vocals"], result.Stems.Keys.Order());
        foreach (var stem in result.Stems.Values)
        {
            using var reader = new WavReader(stem);
            Assert.Equal(16000, reader.Format.SampleRate);
            Assert.Equal(1, reader.Format.Channels);
        }
        Assert.Equal("demucs", result.Engine);
        Assert.Empty(Directory.GetDirectories(_media.PathOf("d"), ".demucs-*"));
    }

    [Fact]
    public async Task Demucs_four_stems_maps_drums_to_sfx_and_bass_plus_other_to_music()
    {
        var script = _media.Script("demucs", DemucsScript);
        var (tool, _) = _media.Tool(SeparationMedia.Configuration(("Demucs:Program", script), ("Demucs:Model", "htdemucs_ft")));
        var result = await tool.InvokeAsync(new SeparateAudioArguments { Input = await SourceAsync(), Engine = "demucs", Stems = "four", Device = "cpu" },
            _media.Context("d4"));
        var argv = File.ReadAllText(_media.PathOf("bin/demucs.argv")).Trim();
        Assert.StartsWith("-n htdemucs_ft -d cpu -o ", argv);
        Assert.DoesNotContain("--two-stems", argv);
        Assert.Equal(["background", "music", "sfx", "vocals"], result.Stems.Keys.Order());
        // music = bass + other, each the same copy of the source here: twice the level of one stem (sfx = drums alone).
        var source = WavReader.ReadAll(result.Stems["sfx"]).Samples;
        var music = WavReader.ReadAll(result.Stems["music"]).Samples;
        static double Rms(float[] x) => Math.Sqrt(x.Average(v => (double)v * v));
        Assert.Equal(2 * Rms(source), Rms(music), 0.01);
    }

    [Fact]
    public async Task Demucs_failure_is_an_engine_error_with_its_stderr()
    {
        var source = await SourceAsync();
        var script = _media.Script("demucs", "echo 'RuntimeError: model htdemucs_x not found' >&2; exit 1\n");
        var (tool, _) = _media.Tool(SeparationMedia.Configuration(("Demucs:Program", script)));
        var error = await Assert.ThrowsAsync<DubAgent.Abstractions.Errors.EngineFailedException>(() =>
            tool.InvokeAsync(new SeparateAudioArguments { Input = source, Engine = "demucs" }, _media.Context("df")));
        Assert.Contains("model htdemucs_x not found", error.StderrTail);
    }

    [Fact]
    public async Task Uvr_runs_audio_separator_with_a_vocal_model_and_maps_its_file_names()
    {
        var script = _media.Script("audio-separator", UvrScript);
        var (tool, registry) = _media.Tool(SeparationMedia.Configuration(("Uvr:Program", script)));
        var status = await registry.StatusAsync(registry.Find("separate", "uvr")!, CancellationToken.None);
        Assert.Equal("0.30.1", status.Version);

        var result = await tool.InvokeAsync(new SeparateAudioArguments { Input = await SourceAsync(), Engine = "uvr" }, _media.Context("u"));

        var argv = File.ReadAllText(_media.PathOf("bin/uvr.argv")).Trim();
        Assert.Contains("-m UVR-MDX-NET-Voc_FT.onnx --output_dir ", argv);
        Assert.EndsWith("--output_format WAV --sample_rate 16000 --normalization 1.0", argv);
        using var reader = new WavReader(result.Stems["vocals"]);
        Assert.Equal(16000, reader.Format.SampleRate);
        Assert.Equal(1, reader.Format.Channels);
        Assert.True(File.Exists(result.Stems["background"]));
    }

    [Fact]
    public void Audio_separator_outputs_are_mapped_by_their_documented_names()
    {
        var files = new[]
        {
            "/o/song_(Vocals)_UVR-MDX-NET-Voc_FT.wav", "/o/song_(Instrumental)_UVR-MDX-NET-Voc_FT.wav", "/o/other_(Vocals)_x.wav",
        };
        var mapped = AudioSeparatorCommand.MapOutputs(files, "/in/song.wav");
        Assert.Equal(("/o/song_(Vocals)_UVR-MDX-NET-Voc_FT.wav", "/o/song_(Instrumental)_UVR-MDX-NET-Voc_FT.wav"), mapped);
        Assert.Equal(("/o/a_(Vocals)_m.wav", "/o/a_(Other)_m.wav"), AudioSeparatorCommand.MapOutputs(["/o/a_(Vocals)_m.wav", "/o/a_(Other)_m.wav"], "a.flac"));
        Assert.Null(AudioSeparatorCommand.MapOutputs(["/o/a_(Drums)_m.wav", "/o/a_(Bass)_m.wav"], "a.wav"));
    }

    [Fact]
    public void Demucs_command_line_follows_its_documentation()
    {
        var command = new DemucsCommand("htdemucs", TwoStems: true, Device: "cuda", Shifts: 4, Segment: 7);
        Assert.Equal(["-n", "htdemucs", "--two-stems=vocals", "-d", "cuda", "--shifts", "4", "--segment", "7", "-o", "/out", "/in/film.wav"],
            command.Arguments("/out", "/in/film.wav"));
        Assert.Equal(Path.Combine("/out", "htdemucs", "film"), command.TrackDirectory("/out", "/in/film.wav"));
    }

    [Fact]
    public async Task Missing_programs_are_reported_with_the_install_command()
    {
        var (_, registry) = _media.Tool(SeparationMedia.Bare());
        var demucs = await registry.StatusAsync(registry.Find("separate", "demucs")!, CancellationToken.None);
        var uvr = await registry.StatusAsync(registry.Find("separate", "uvr")!, CancellationToken.None);
        Assert.False(demucs.Available);
        Assert.Contains("pip install -U demucs", demucs.InstallHint);
        Assert.False(uvr.Available);
        Assert.Contains("pip install \"audio-separator[cpu]\"", uvr.InstallHint);
    }

    public void Dispose() => _media.Dispose();
}
