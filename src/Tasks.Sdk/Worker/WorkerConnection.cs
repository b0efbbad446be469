using Microsoft.Extensions.Options;
using Tasks.Sdk.Http;
using Tasks.Sdk.Protocol;

namespace Tasks.Sdk.Worker;

/// <summary>This worker's side of the worker protocol: its id, its slots and the calls it makes.</summary>
internal sealed class WorkerConnection(IWorkerApi api, IOptions<TasksWorkerOptions> options) : IRunWaiter, IAsyncDisposable
{
    private readonly TasksWorkerOptions _options = options.Value;
    private readonly CompletionBatcher _completions = new(api, options.Value.WorkerId);

    public string WorkerId => _options.WorkerId;

    public WorkerSlots Slots { get; } = new(Math.Max(1, options.Value.MaxConcurrency));

    /// <summary>The lease duration the server last announced; heartbeats go three times per lease.</summary>
    public TimeSpan Lease { get; private set; } = TimeSpan.FromSeconds(30);

    public async Task RegisterAsync(IReadOnlyList<TaskRegistration> tasks, CancellationToken cancellationToken) =>
        (await api.RegisterAsync(new RegisterWorkerRequest(WorkerId, tasks), cancellationToken)).EnsureOk();

    public async Task<IReadOnlyList<LeasedRun>> LeaseAsync(IReadOnlyList<string> tasks, int max, CancellationToken cancellationToken)
    {
        var request = new LeaseRunsRequest(WorkerId, Guid.NewGuid().ToString("N"), tasks, max, (int)_options.LongPollTimeout.TotalMilliseconds);
        var response = (await api.LeaseAsync(request, cancellationToken)).ContentOrThrow();
        Lease = TimeSpan.FromMilliseconds(response.LeaseMs);
        return response.Runs;
    }

    public async Task<IReadOnlyList<string>> HeartbeatAsync(IReadOnlyList<string> runIds, CancellationToken cancellationToken) =>
        (await api.HeartbeatAsync(new HeartbeatRequest(WorkerId, runIds), cancellationToken)).ContentOrThrow().CanceledRunIds;

    /// <summary>Reports how an attempt ended; reports that end together travel together (see <see cref="CompletionBatcher"/>).</summary>
    public Task CompleteAsync(AttemptOutcome outcome) => _completions.ReportAsync(outcome);

    public ValueTask DisposeAsync() => _completions.DisposeAsync();

    /// <summary>Gives the run's slot back, long-polls until the server resumes the run (children done, queue slot granted), then takes a slot again.</summary>
    public async Task<IReadOnlyList<WaitedRunResult>> WaitForResumeAsync(string runId, CancellationToken cancellationToken)
    {
        Slots.Release();
        try
        {
            while (true)
            {
                var request = new WaitForResumeRequest(WorkerId, (int)_options.LongPollTimeout.TotalMilliseconds);
                var response = (await api.WaitForResumeAsync(runId, request, cancellationToken)).ContentOrThrow();
                switch (response.State)
                {
                    case "resumed":
                        return response.Results ?? [];
                    case "canceled":
                        throw new OperationCanceledException($"Run {runId} was cancelled while it waited.");
                }
            }
        }
        finally
        {
            await Slots.AcquireAsync(CancellationToken.None);
        }
    }
}
