using System.Diagnostics;
using DubAgent.Server.Live.Protocol;
using DubAgent.Server.Live.Recognition;

namespace DubAgent.Server.Live.Pipeline;

/// <summary>
/// The recognition half of a session: 32 ms windows through the speech detector and the endpointer; while someone
/// speaks the audio goes straight into the warm decoder (so partial transcripts can go out and ending the utterance
/// costs only the last search); each finished utterance gets its final text and its speaker.
/// </summary>
public sealed class SpeechListener(LiveOptions options, IWindowScorer scorer, PocketsphinxDecoder decoder, SpeakerTracker speakers,
    Func<ServerMessage, ValueTask> post, Func<Utterance, ValueTask> finished)
{
    private const int Window = UtteranceEndpointer.WindowSamples;
    private readonly UtteranceEndpointer _endpointer = new(options);
    private readonly short[] _pcm = new short[Window];
    private readonly float[] _samples = new float[Window];
    private readonly Queue<short[]> _preRoll = new();
    private readonly List<short[]> _utterance = [];
    private readonly List<(long Window, long Arrival)> _arrivals = [];
    private int _filled;
    private long _window;
    private long _lastPartialWindow;
    private string _lastPartial = "";
    private int _segments;
    private long _lastArrival;

    public int Segments => _segments;

    public async ValueTask AddAsync(AudioPiece piece)
    {
        _lastArrival = piece.Arrival;
        var offset = 0;
        while (offset < piece.Samples.Length)
        {
            var take = Math.Min(Window - _filled, piece.Samples.Length - offset);
            piece.Samples.AsSpan(offset, take).CopyTo(_pcm.AsSpan(_filled));
            _filled += take;
            offset += take;
            if (_filled == Window) await WindowAsync(piece.Arrival).ConfigureAwait(false);
        }
    }

    /// <summary>The stream ended: the last partial window is scored and an utterance in progress is finished.</summary>
    public async ValueTask FlushAsync()
    {
        if (_filled > 0)
        {
            _pcm.AsSpan(_filled).Clear();
            await WindowAsync(_lastArrival).ConfigureAwait(false);
        }
        var ending = _endpointer.Flush();
        if (ending is EndpointEvent.Ended or EndpointEvent.Dropped) await FinishAsync(ending).ConfigureAwait(false);
    }

    private async ValueTask WindowAsync(long arrival)
    {
        _filled = 0;
        for (var i = 0; i < Window; i++) _samples[i] = _pcm[i] / 32768f;
        var copy = (short[])_pcm.Clone();
        var index = _window++;
        var ending = _endpointer.Next(scorer.Score(_samples));
        switch (ending)
        {
            case EndpointEvent.None:
                _preRoll.Enqueue(copy);
                if (_preRoll.Count > options.PreRollWindows) _preRoll.Dequeue();
                return;
            case EndpointEvent.Started:
                decoder.Start();
                foreach (var before in _preRoll) Feed(before);
                _preRoll.Clear();
                _lastPartialWindow = index;
                _lastPartial = "";
                break;
        }
        Feed(copy);
        _arrivals.Add((index, arrival));
        if (ending is EndpointEvent.Ended or EndpointEvent.Dropped)
        {
            await FinishAsync(ending).ConfigureAwait(false);
            return;
        }
        if ((index - _lastPartialWindow) * Window * 1000L / PcmAudio.InputRate >= options.PartialIntervalMs)
        {
            _lastPartialWindow = index;
            var partial = decoder.Partial();
            if (partial.Length > 0 && partial != _lastPartial)
            {
                _lastPartial = partial;
                await post(new TranscriptMessage(SegmentId(_segments + 1), partial, Math.Round(_endpointer.StartSeconds, 3),
                    Math.Round((index + 1.0) * Window / PcmAudio.InputRate, 3), false, "")).ConfigureAwait(false);
            }
        }
    }

    private void Feed(short[] window)
    {
        decoder.Feed(window);
        _utterance.Add(window);
    }

    private async ValueTask FinishAsync(EndpointEvent ending)
    {
        var text = decoder.End();
        var start = _endpointer.StartSeconds;
        var end = _endpointer.EndSeconds;
        var endArrival = _arrivals.Where(a => a.Window <= _endpointer.EndWindow).Select(a => a.Arrival).DefaultIfEmpty(_lastArrival).Last();
        var audio = _utterance.SelectMany(w => w).ToArray();
        _utterance.Clear();
        _arrivals.Clear();
        if (ending == EndpointEvent.Dropped || text.Length == 0) return; // a click, a breath, noise: no words
        var (speaker, persona) = speakers.Assign(audio);
        var recognised = Stopwatch.GetTimestamp();
        var id = SegmentId(++_segments);
        await post(new TranscriptMessage(id, text, Math.Round(start, 3), Math.Round(end, 3), true, speaker)).ConfigureAwait(false);
        await finished(new Utterance(id, text, start, end, speaker, persona, endArrival, recognised, audio)).ConfigureAwait(false);
    }

    private static string SegmentId(int number) => $"seg_{number:D4}";
}
