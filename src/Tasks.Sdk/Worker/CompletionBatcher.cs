using System.Threading.Channels;
using Tasks.Sdk.Http;
using Tasks.Sdk.Protocol;

namespace Tasks.Sdk.Worker;

/// <summary>
/// Reports ended attempts in batches: while one report is on the wire, the outcomes that end meanwhile queue up and go together
/// in the next one, so a busy worker makes one call (and the server one transaction) for many runs, and an idle one adds no delay.
/// </summary>
internal sealed class CompletionBatcher(IWorkerApi api, string workerId) : IAsyncDisposable
{
    private const int MaxBatch = 200;
    private readonly Channel<(AttemptOutcome Outcome, TaskCompletionSource Reported)> _pending = Channel.CreateUnbounded<(AttemptOutcome, TaskCompletionSource)>();
    private readonly Lock _gate = new();
    private Task? _loop;

    /// <summary>Completes once the server recorded <paramref name="outcome"/>; fails if it could not be told.</summary>
    public Task ReportAsync(AttemptOutcome outcome)
    {
        lock (_gate)
        {
            _loop ??= Task.Run(SendLoopAsync);
        }

        var reported = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.Writer.TryWrite((outcome, reported)))
        {
            reported.SetException(new InvalidOperationException("The worker is shutting down."));
        }

        return reported.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop;
        }
    }

    private async Task SendLoopAsync()
    {
        var batch = new List<(AttemptOutcome Outcome, TaskCompletionSource Reported)>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                (await api.CompleteAsync(new CompleteRunsRequest(workerId, batch.Select(b => b.Outcome).ToList()), CancellationToken.None)).EnsureOk();
                batch.ForEach(b => b.Reported.TrySetResult());
            }
            catch (Exception e)
            {
                batch.ForEach(b => b.Reported.TrySetException(e));
            }
        }
    }
}
