namespace Tasks.Sdk;

/// <summary>
/// The typed trigger client of one task that returns <typeparamref name="TOutput"/>. Generated clients expose one per task
/// (e.g. <c>images.Resize</c>).
/// </summary>
public sealed class TaskClient<TPayload, TOutput>(TasksClient client, string taskId)
{
    /// <summary>The task identifier this client triggers.</summary>
    public string TaskId { get; } = taskId;

    /// <summary>Triggers one run and returns its handle at once, without waiting for it. Works anywhere.</summary>
    public async Task<RunHandle<TOutput>> TriggerAsync(TPayload payload, TriggerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var run = await client.TriggerAsync(TaskId, client.Serialize(payload), options, waitingParent: null, cancellationToken);
        return new RunHandle<TOutput>(client, run.Id, run.IsCached, run.PublicAccessToken);
    }

    /// <inheritdoc cref="TriggerAsync(TPayload, TriggerOptions?, CancellationToken)"/>
    public Task<RunHandle<TOutput>> TriggerAsync(TPayload payload, CancellationToken cancellationToken) =>
        TriggerAsync(payload, options: null, cancellationToken);

    /// <summary>Triggers one run per payload (at most 1,000) and returns the batch's handle at once. Works anywhere.</summary>
    public async Task<BatchHandle<TOutput>> BatchTriggerAsync(IEnumerable<TPayload> payloads, TriggerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var batch = await client.BatchTriggerAsync(TaskId, payloads.Select(client.Serialize).ToList(), options, waitingParent: null, cancellationToken);
        return new BatchHandle<TOutput>(client, batch.Id, batch.RunCount, batch.PublicAccessToken);
    }

    /// <inheritdoc cref="BatchTriggerAsync(IEnumerable{TPayload}, TriggerOptions?, CancellationToken)"/>
    public Task<BatchHandle<TOutput>> BatchTriggerAsync(IEnumerable<TPayload> payloads, CancellationToken cancellationToken) =>
        BatchTriggerAsync(payloads, options: null, cancellationToken);

    /// <summary>
    /// Inside a task only: triggers a child run and suspends this run until the child finishes. The waiting run holds no
    /// concurrency slot. Outside a task it throws <see cref="InvalidOperationException"/> before any HTTP call.
    /// </summary>
    [WaitsForRun]
    public async Task<TaskRunResult<TOutput>> TriggerAndWaitAsync(TPayload payload, TriggerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var parent = TaskContext.RequireCurrent(nameof(TriggerAndWaitAsync));
        var results = await client.TriggerAndWaitAsync(TaskId, client.Serialize(payload), options, parent, cancellationToken);
        return TaskRunResult<TOutput>.From(results[0], client);
    }

    /// <inheritdoc cref="TriggerAndWaitAsync(TPayload, TriggerOptions?, CancellationToken)"/>
    [WaitsForRun]
    public Task<TaskRunResult<TOutput>> TriggerAndWaitAsync(TPayload payload, CancellationToken cancellationToken) =>
        TriggerAndWaitAsync(payload, options: null, cancellationToken);

    /// <summary>
    /// Inside a task only: triggers one child run per payload and suspends this run until all finish. Results come in item order.
    /// </summary>
    [WaitsForRun]
    public async Task<BatchResult<TOutput>> BatchTriggerAndWaitAsync(IEnumerable<TPayload> payloads, TriggerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var parent = TaskContext.RequireCurrent(nameof(BatchTriggerAndWaitAsync));
        var (batchId, results) = await client.BatchTriggerAndWaitAsync(TaskId, payloads.Select(client.Serialize).ToList(), options, parent, cancellationToken);
        return new BatchResult<TOutput>(batchId, results.Select(r => TaskRunResult<TOutput>.From(r, client)).ToList());
    }

    /// <inheritdoc cref="BatchTriggerAndWaitAsync(IEnumerable{TPayload}, TriggerOptions?, CancellationToken)"/>
    [WaitsForRun]
    public Task<BatchResult<TOutput>> BatchTriggerAndWaitAsync(IEnumerable<TPayload> payloads, CancellationToken cancellationToken) =>
        BatchTriggerAndWaitAsync(payloads, options: null, cancellationToken);
}
