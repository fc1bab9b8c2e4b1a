using System.Diagnostics;
using System.Threading.Channels;
using DubAgent.Abstractions.Errors;
using DubAgent.Server.Live.Protocol;
using DubAgent.Server.Live.Recognition;

namespace DubAgent.Server.Live.Pipeline;

/// <summary>
/// One session's stream from start_dubbing to stop_dubbing: incoming audio waits in a bounded queue (full, it stops the
/// socket being read: back-pressure), the <see cref="SpeechListener"/> recognises utterances, and the
/// <see cref="Dubber"/> translates and speaks each while the next one is being recognised.
/// </summary>
public sealed class DubbingPipeline : IAsyncDisposable
{
    private const int PieceSamples = PcmAudio.InputRate / 2;

    private readonly LiveEngines _engines;
    private readonly PocketsphinxDecoder _decoder;
    private readonly IWindowScorer _scorer;
    private readonly SpeechListener _listener;
    private readonly Dubber _dubber;
    private readonly Func<ServerMessage, ValueTask> _post;
    private readonly Channel<AudioPiece> _audio;
    private readonly Channel<Utterance> _utterances = Channel.CreateBounded<Utterance>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop;
    private readonly Task _listening;
    private readonly Task _dubbing;

    public DubbingPipeline(LiveEngines engines, LiveOptions options, Dubber dubber, bool preserveVoice, Func<ServerMessage, ValueTask> post, CancellationToken sessionEnd)
    {
        _engines = engines;
        _post = post;
        _dubber = dubber;
        _decoder = engines.Decoders.Rent();
        _scorer = engines.NewScorer();
        _stop = CancellationTokenSource.CreateLinkedTokenSource(sessionEnd);
        _listener = new SpeechListener(options, _scorer, _decoder, new SpeakerTracker(options.SpeakerSimilarity, preserveVoice), post,
            u => _utterances.Writer.WriteAsync(u, _stop.Token));
        var capacity = Math.Max(2, (int)Math.Ceiling(options.InputQueueSeconds * PcmAudio.InputRate / PieceSamples));
        _audio = Channel.CreateBounded<AudioPiece>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        _listening = Task.Run(ListenAsync);
        _dubbing = Task.Run(DubAsync);
    }

    public int Segments => _listener.Segments;

    /// <summary>Queues incoming audio (in pieces of at most half a second); waits while the queue is full.</summary>
    public async ValueTask WriteAsync(short[] samples, CancellationToken cancellationToken)
    {
        var arrival = Stopwatch.GetTimestamp();
        for (var offset = 0; offset < samples.Length; offset += PieceSamples)
        {
            var piece = offset == 0 && samples.Length <= PieceSamples ? samples : samples[offset..Math.Min(samples.Length, offset + PieceSamples)];
            await _audio.Writer.WriteAsync(new AudioPiece(piece, arrival), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Ends the stream: the utterance in progress is finished, and everything recognised is dubbed before this returns.</summary>
    public async Task StopAsync()
    {
        _audio.Writer.TryComplete();
        await _listening.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _dubbing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task ListenAsync()
    {
        try
        {
            await foreach (var piece in _audio.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
                await _listener.AddAsync(piece).ConfigureAwait(false);
            await _listener.FlushAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The session ended (disconnect, shutdown): nothing more to recognise.
        }
        catch (DubAgentException e)
        {
            await TryPostAsync(new ErrorMessage($"Recognition stopped: {e.Message}", e.Hint ?? "Start the session again.")).ConfigureAwait(false);
        }
        finally
        {
            _utterances.Writer.TryComplete();
        }
    }

    private async Task DubAsync()
    {
        try
        {
            await foreach (var utterance in _utterances.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                try
                {
                    await _dubber.DubAsync(utterance, _stop.Token).ConfigureAwait(false);
                }
                catch (DubAgentException e)
                {
                    await TryPostAsync(new ErrorMessage($"Segment {utterance.SegmentId} could not be dubbed: {e.Message}",
                        e.Hint ?? "The next utterances are still dubbed.")).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The session ended.
        }
    }

    private async ValueTask TryPostAsync(ServerMessage message)
    {
        try
        {
            await _post(message).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client is gone; nobody is left to tell.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _audio.Writer.TryComplete();
        await Task.WhenAll(_listening, _dubbing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _engines.Decoders.Return(_decoder);
        _scorer.Dispose();
        _stop.Dispose();
    }
}
