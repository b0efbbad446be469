namespace Tasks.Sdk;

/// <summary>The typed trigger client of one task that returns no output (<c>Task</c> or <c>ValueTask</c>).</summary>
public sealed class TaskClient<TPayload>(TasksClient client, string taskId)
{
    /// <summary>The task identifier this client triggers.</summary>
    public string TaskId { get; } = taskId;

    /// <inheritdoc cref="TaskClient{TPayload, TOutput}.TriggerAsync(TPayload, TriggerOptions?, CancellationToken)"/>
    public async Task<RunHandle> TriggerAsync(TPayload payload, TriggerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var run = await client.TriggerAsync(TaskId, client.Serialize(payload), options, waitingParent: null, cancellationToken);
        return new RunHandle(client, run.Id, run.IsCached, run.PublicAccessToken);
    }

    /// <inheritdoc cref="TriggerAsync(TPayload, TriggerOptions?, CancellationToken)"/>
    public Task<RunHandle> TriggerAsync(TPayload payload, CancellationToken cancellationToken) =>
        TriggerAsync(payload, options: null, cancellationToken);

    /// <inheritdoc cref="TaskClient{TPayload, TOutput}.BatchTriggerAsync(IEnumerable{TPayload}, TriggerOptions?, CancellationToken)"/>
    public async Task<BatchHandle> BatchTriggerAsync(IEnumerable<TPayload> payloads, TriggerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var batch = await client.BatchTriggerAsync(TaskId, payloads.Select(client.Serialize).ToList(), options, waitingParent: null, cancellationToken);
        return new BatchHandle(client, batch.Id, batch.RunCount, batch.PublicAccessToken);
    }

    /// <inheritdoc cref="BatchTriggerAsync(IEnumerable{TPayload}, TriggerOptions?, CancellationToken)"/>
    public Task<BatchHandle> BatchTriggerAsync(IEnumerable<TPayload> payloads, CancellationToken cancellationToken) =>
        BatchTriggerAsync(payloads, options: null, cancellationToken);

    /// <inheritdoc cref="TaskClient{TPayload, TOutput}.TriggerAndWaitAsync(TPayload, TriggerOptions?, CancellationToken)"/>
    [WaitsForRun]
    public async Task<TaskRunResult> TriggerAndWaitAsync(TPayload payload, TriggerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var parent = TaskContext.RequireCurrent(nameof(TriggerAndWaitAsync));
        var results = await client.TriggerAndWaitAsync(TaskId, client.Serialize(payload), options, parent, cancellationToken);
        return TaskRunResult.From(results[0]);
    }

    /// <inheritdoc cref="TriggerAndWaitAsync(TPayload, TriggerOptions?, CancellationToken)"/>
    [WaitsForRun]
    public Task<TaskRunResult> TriggerAndWaitAsync(TPayload payload, CancellationToken cancellationToken) =>
        TriggerAndWaitAsync(payload, options: null, cancellationToken);

    /// <inheritdoc cref="TaskClient{TPayload, TOutput}.BatchTriggerAndWaitAsync(IEnumerable{TPayload}, TriggerOptions?, CancellationToken)"/>
    [WaitsForRun]
    public async Task<BatchResult> BatchTriggerAndWaitAsync(IEnumerable<TPayload> payloads, TriggerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var parent = TaskContext.RequireCurrent(nameof(BatchTriggerAndWaitAsync));
        var (batchId, results) = await client.BatchTriggerAndWaitAsync(TaskId, payloads.Select(client.Serialize).ToList(), options, parent, cancellationToken);
        return new BatchResult(batchId, results.Select(TaskRunResult.From).ToList());
    }

    /// <inheritdoc cref="BatchTriggerAndWaitAsync(IEnumerable{TPayload}, TriggerOptions?, CancellationToken)"/>
    [WaitsForRun]
    public Task<BatchResult> BatchTriggerAndWaitAsync(IEnumerable<TPayload> payloads, CancellationToken cancellationToken) =>
        BatchTriggerAndWaitAsync(payloads, options: null, cancellationToken);
}
