using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;
using DubAgent.Engines.Diarization;

namespace DubAgent.Engines.Tests.Diarization;

/// <summary>pyannote.audio is not installable here: the engine is tested against the script's contract (argv in, RTTM out).</summary>
public class PyannoteDiarizerTests : IDisposable
{
    private readonly SpeechFixtures _fixtures = new();

    /// <summary>A stand-in for python3 that checks it is handed the shipped script and the documented flags, then writes RTTM.</summary>
    private string FakePython(string rttmBody)
    {
        var path = Path.Combine(_fixtures.Directory, "fake-python");
        File.WriteAllText(path, $$"""
            #!/bin/sh
            script="$1"; shift
            case "$script" in *pyannote_diarize.py) ;; *) echo "not the pyannote script: $script" >&2; exit 9;; esac
            [ -f "$script" ] || { echo "script missing" >&2; exit 9; }
            rttm=""; audio=""; speakers=""
            while [ $# -gt 0 ]; do
              case "$1" in
                --audio) audio="$2"; shift 2;;
                --rttm) rttm="$2"; shift 2;;
                --model) [ "$2" = "pyannote/speaker-diarization-3.1" ] || { echo "bad model $2" >&2; exit 9; }; shift 2;;
                --num-speakers) speakers="$2"; shift 2;;
                *) echo "unknown flag $1" >&2; exit 9;;
              esac
            done
            [ -f "$audio" ] || { echo "no audio" >&2; exit 9; }
            [ "$speakers" = "2" ] || { echo "expected --num-speakers 2, got '$speakers'" >&2; exit 9; }
            cat > "$rttm" <<'RTTM'
            {{rttmBody}}
            RTTM
            """.Replace("\r", ""));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    [Fact]
    public async Task Runs_the_shipped_script_and_parses_its_rttm()
    {
        Assert.True(File.Exists(PyannoteDiarizer.DefaultScript), $"the script is not shipped at {PyannoteDiarizer.DefaultScript}");
        var python = FakePython("""
            SPEAKER audio 1 0.500 1.200 <NA> <NA> SPEAKER_01 <NA> <NA>
            SPEAKER audio 1 2.000 1.000 <NA> <NA> SPEAKER_00 <NA> <NA>
            """);
        var wav = Path.Combine(_fixtures.Directory, "in.wav");
        WavWriter.WriteAll(wav, new AudioFormat(16000, 1), new float[16000 * 4]);
        var diarizer = new PyannoteDiarizer(SpeechFixtures.Runner, SpeechFixtures.Media, SpeechFixtures.Configuration(("Pyannote:Python", python)));

        var turns = await diarizer.DiarizeAsync(new DiarizationRequest(wav, NumSpeakers: 2), _fixtures.Context());

        Assert.Equal(2, turns.Count);
        Assert.Equal("SPEAKER_00", turns[0].Speaker); // renamed by first appearance
        Assert.Equal(0.5, turns[0].Start, 3);
        Assert.Equal(1.7, turns[0].End, 3);
        Assert.Equal("SPEAKER_01", turns[1].Speaker);
    }

    [Fact]
    public async Task A_failing_script_is_an_engine_failure_with_its_stderr()
    {
        var python = FakePython("");
        var wav = Path.Combine(_fixtures.Directory, "in.wav");
        WavWriter.WriteAll(wav, new AudioFormat(16000, 1), new float[16000]);
        var diarizer = new PyannoteDiarizer(SpeechFixtures.Runner, SpeechFixtures.Media, SpeechFixtures.Configuration(("Pyannote:Python", python)));
        var error = await Assert.ThrowsAsync<EngineFailedException>(() => diarizer.DiarizeAsync(new DiarizationRequest(wav, NumSpeakers: 3), _fixtures.Context()));
        Assert.Contains("expected --num-speakers 2", error.StderrTail);
    }

    [Fact]
    public async Task Without_pyannote_installed_the_check_says_what_to_install()
    {
        var diarizer = new PyannoteDiarizer(SpeechFixtures.Runner, SpeechFixtures.Media, SpeechFixtures.Configuration());
        var status = await diarizer.CheckAsync(CancellationToken.None);
        if (status.Available) return; // a machine with pyannote.audio and HF_TOKEN: nothing to report
        Assert.Contains("pip install pyannote.audio", status.InstallHint);
    }

    public void Dispose() => _fixtures.Dispose();
}
