using System.Text.Json;
using System.Text.Json.Nodes;
using Tasks.Sdk.Protocol;
using Tasks.Server.Storage;

namespace Tasks.Server.Engine;

internal sealed partial class RunEngine
{
    private const int ScanPage = 64;
    private const int MaxPages = 32;
    private static readonly TimeSpan MaxLongPoll = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A long-poll for runs: returns as soon as runs of the worker's tasks are due and their queues have free slots, or when the
    /// poll times out. A retried request (same request id) gets the runs it already leased.
    /// </summary>
    public async Task<LeaseRunsResponse> LeaseAsync(EnvironmentRecord env, LeaseRunsRequest request, CancellationToken cancellationToken)
    {
        if (request.Tasks.Count == 0 || request.Max < 1)
        {
            throw ApiProblem.BadRequest("A lease needs at least one task and max of at least 1.");
        }

        var deadline = time.GetUtcNow() + TimeSpan.FromMilliseconds(Math.Clamp(request.WaitMs, 0, MaxLongPoll.TotalMilliseconds));
        while (true)
        {
            var pulse = signals.NextPulse;
            var runs = await store.WriteAsync(tx => LeaseOnceAsync(tx, env, request), cancellationToken);
            var now = time.GetUtcNow();
            if (runs.Count > 0 || now >= deadline)
            {
                return new LeaseRunsResponse(runs, (int)LeaseMs);
            }

            var nextDue = await store.ReadAsync(r => r.NextDueAtAsync(env.Id, request.Tasks, now.ToUnixTimeMilliseconds()), cancellationToken);
            var wakeAt = nextDue is { } due ? DateTimeOffset.FromUnixTimeMilliseconds(Math.Min(due, deadline.ToUnixTimeMilliseconds())) : deadline;
            await RunSignals.WaitAsync(pulse, wakeAt - now, time, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<LeasedRun>> LeaseOnceAsync(IRunTransaction tx, EnvironmentRecord env, LeaseRunsRequest request)
    {
        var redelivered = await tx.GetRunsLeasedByRequestAsync(request.WorkerId, request.RequestId);
        if (redelivered.Count > 0)
        {
            return redelivered.Select(ToLeasedRun).ToList();
        }

        await tx.LockSlotsAsync(env.Id);
        var now = Now;
        await tx.PromoteDelayedRunsAsync(env.Id, now);
        var leased = new List<LeasedRun>();
        var limits = new Dictionary<string, int>(StringComparer.Ordinal);
        var busy = new Dictionary<(string Queue, string Key), int>();
        var full = new HashSet<(string Queue, string Key)>();
        for (var pages = 0; leased.Count < request.Max && pages < MaxPages; pages++)
        {
            // Leased and expired runs leave QUEUED and full slots are excluded, so every page starts at the head of the line.
            var take = Math.Min(ScanPage, request.Max - leased.Count);
            var page = await tx.SelectReadyRunsAsync(env.Id, request.Tasks, now, full, take);
            foreach (var run in page)
            {
                if (run.TtlExpiresAt is { } expiresAt && expiresAt <= now && run.AttemptCount == 0)
                {
                    await ExpireAsync(tx, run, now);
                    continue;
                }

                if (!limits.TryGetValue(run.Queue, out var limit))
                {
                    limits[run.Queue] = limit = await tx.GetQueueLimitAsync(env.Id, run.Queue);
                }

                var slot = (run.Queue, run.ConcurrencyKey);
                if (limit > 0)
                {
                    if (!busy.TryGetValue(slot, out var inUse))
                    {
                        busy[slot] = inUse = await tx.CountExecutingAsync(env.Id, run.Queue, run.ConcurrencyKey);
                    }

                    if (inUse >= limit)
                    {
                        full.Add(slot);
                        continue;
                    }

                    busy[slot] = inUse + 1;
                }

                var attempt = run.AttemptCount + 1;
                var executing = run with
                {
                    Status = RunStatuses.Executing,
                    AttemptCount = attempt,
                    LeaseOwner = request.WorkerId,
                    LeaseRequest = request.RequestId,
                    LeaseExpiresAt = now + LeaseMs,
                    StartedAt = run.StartedAt ?? now,
                    WaitingFor = null,
                    WaitDone = false,
                    UpdatedAt = now,
                };
                await tx.UpdateRunAsync(executing);
                await tx.InsertAttemptAsync(run.Id, new AttemptRecord(attempt, request.WorkerId, now, null, RunStatuses.Executing, null));
                leased.Add(ToLeasedRun(executing));
                if (leased.Count == request.Max)
                {
                    break;
                }
            }

            if (page.Count < take)
            {
                break;
            }
        }

        return leased;
    }

    /// <summary>Extends the leases of the runs a worker still holds; reports the ones it no longer holds (cancelled, or lost to expiry).</summary>
    public Task<HeartbeatResponse> HeartbeatAsync(EnvironmentRecord env, HeartbeatRequest request, CancellationToken cancellationToken) =>
        store.WriteAsync(async tx =>
        {
            var now = Now;
            var lost = new List<string>();
            foreach (var id in request.RunIds.Distinct())
            {
                if (await tx.GetRunAsync(id) is { Status: RunStatuses.Executing or RunStatuses.Waiting } run
                    && run.EnvironmentId == env.Id && run.LeaseOwner == request.WorkerId)
                {
                    await tx.UpdateRunAsync(run with { LeaseExpiresAt = now + LeaseMs });
                }
                else
                {
                    lost.Add(id);
                }
            }

            return new HeartbeatResponse(lost);
        }, cancellationToken);

    private static LeasedRun ToLeasedRun(RunRecord run) => new()
    {
        RunId = run.Id,
        TaskId = run.TaskId,
        Attempt = run.AttemptCount,
        Payload = PayloadCodec.ToPlainJson(run.Payload, run.PayloadType),
        ParentRunId = run.ParentRunId,
        Tags = JsonSerializer.Deserialize(run.Tags, ServerJsonContext.Default.ListString) ?? [],
        Metadata = run.Metadata is null ? null : JsonNode.Parse(run.Metadata) as JsonObject,
        MaxDurationMs = run.MaxDurationMs,
    };
}
