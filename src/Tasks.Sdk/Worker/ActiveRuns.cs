using System.Collections.Concurrent;

namespace Tasks.Sdk.Worker;

/// <summary>The runs this worker holds (executing or waiting), with the cancellation source of each.</summary>
internal sealed class ActiveRuns
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _runs = new();

    public int Count => _runs.Count;

    public IReadOnlyList<string> Ids => [.. _runs.Keys];

    public void Add(string runId, CancellationTokenSource cancellation) => _runs[runId] = cancellation;

    public void Remove(string runId) => _runs.TryRemove(runId, out _);

    /// <summary>Fires the run's token: the server cancelled it or no longer leases it to us.</summary>
    public void Cancel(string runId)
    {
        if (_runs.TryGetValue(runId, out var cancellation))
        {
            try
            {
                cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run finished in between.
            }
        }
    }
}
