namespace Tasks.Sdk;

/// <summary>The handle of a triggered batch.</summary>
public class BatchHandle
{
    internal BatchHandle(TasksClient client, string id, int runCount, string? publicAccessToken)
    {
        Client = client;
        Id = id;
        RunCount = runCount;
        PublicAccessToken = publicAccessToken;
    }

    /// <summary>The batch id.</summary>
    public string Id { get; }
    /// <summary>How many runs it holds.</summary>
    public int RunCount { get; }
    /// <summary>A read-only token for exactly this batch.</summary>
    public string? PublicAccessToken { get; }

    private protected TasksClient Client { get; }

    /// <summary>The batch's run ids, in item order.</summary>
    public async Task<IReadOnlyList<string>> GetRunIdsAsync(CancellationToken cancellationToken = default) =>
        (await Client.RetrieveBatchAsync(Id, cancellationToken)).Runs;

    /// <summary>Polls until every run of the batch finishes; returns them in item order.</summary>
    public async Task<IReadOnlyList<Run>> WaitForCompletionAsync(CancellationToken cancellationToken = default)
    {
        var runs = new List<Run>();
        foreach (var id in await GetRunIdsAsync(cancellationToken))
        {
            runs.Add(new Run(await Client.PollUntilFinishedAsync(id, cancellationToken)));
        }

        return runs;
    }

    /// <inheritdoc/>
    public override string ToString() => Id;
}

/// <summary>The handle of a triggered batch whose task returns <typeparamref name="TOutput"/>.</summary>
public sealed class BatchHandle<TOutput> : BatchHandle
{
    internal BatchHandle(TasksClient client, string id, int runCount, string? publicAccessToken)
        : base(client, id, runCount, publicAccessToken)
    {
    }

    /// <summary>Polls until every run of the batch finishes; returns them, typed, in item order.</summary>
    public new async Task<IReadOnlyList<Run<TOutput>>> WaitForCompletionAsync(CancellationToken cancellationToken = default)
    {
        var runs = new List<Run<TOutput>>();
        foreach (var id in await GetRunIdsAsync(cancellationToken))
        {
            runs.Add(new Run<TOutput>(await Client.PollUntilFinishedAsync(id, cancellationToken), Client));
        }

        return runs;
    }
}
