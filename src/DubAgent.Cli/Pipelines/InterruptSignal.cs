using System.Runtime.InteropServices;

namespace DubAgent.Cli.Pipelines;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM cancel the token instead of killing the process, so the running engine is stopped
/// through cancellation, nothing half-written is kept and the job records that it was cancelled. A second Ctrl+C
/// while stopping kills the process as usual.
/// </summary>
public sealed class InterruptSignal : IDisposable
{
    private readonly CancellationTokenSource _cancel;
    private readonly PosixSignalRegistration[] _registrations;

    public InterruptSignal(CancellationToken outer)
    {
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    public CancellationToken Token => _cancel.Token;

    private void OnSignal(PosixSignalContext context)
    {
        if (_cancel.IsCancellationRequested) return;
        context.Cancel = true;
        Console.Error.WriteLine("Stopping (Ctrl+C again to kill)...");
        _cancel.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _cancel.Dispose();
    }
}
