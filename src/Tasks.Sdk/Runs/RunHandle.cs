namespace Tasks.Sdk;

/// <summary>The handle of a triggered run: read it, wait for it, cancel it.</summary>
public class RunHandle
{
    internal RunHandle(TasksClient client, string id, bool isCached, string? publicAccessToken)
    {
        Client = client;
        Id = id;
        IsCached = isCached;
        PublicAccessToken = publicAccessToken;
    }

    /// <summary>The run id.</summary>
    public string Id { get; }

    /// <summary>True when an idempotency key matched an existing run, which this handle points at.</summary>
    public bool IsCached { get; }

    /// <summary>A read-only token for exactly this run, safe to hand to a browser.</summary>
    public string? PublicAccessToken { get; }

    private protected TasksClient Client { get; }

    /// <summary>Reads the run's current state.</summary>
    public async Task<Run> RetrieveAsync(CancellationToken cancellationToken = default) =>
        new(await Client.RetrieveRunResponseAsync(Id, cancellationToken));

    /// <summary>Cancels the run (queued, delayed, executing or waiting).</summary>
    public Task CancelAsync(CancellationToken cancellationToken = default) => Client.CancelRunAsync(Id, cancellationToken);

    /// <summary>Triggers a new run of the same task with the same payload and options; returns its handle.</summary>
    public async Task<RunHandle> ReplayAsync(CancellationToken cancellationToken = default) =>
        new(Client, await Client.ReplayRunAsync(Id, cancellationToken), isCached: false, publicAccessToken: null);

    /// <summary>Moves a <c>DELAYED</c> run's start to <paramref name="delay"/> from now (any other status is refused).</summary>
    public async Task<Run> RescheduleAsync(TimeSpan delay, CancellationToken cancellationToken = default) =>
        new(await Client.RescheduleRunAsync(Id, delay, cancellationToken));

    /// <summary>Polls until the run finishes (any final status) and returns it. Fine from anywhere, including outside a task.</summary>
    public async Task<Run> WaitForCompletionAsync(CancellationToken cancellationToken = default) =>
        new(await Client.PollUntilFinishedAsync(Id, cancellationToken));

    /// <inheritdoc/>
    public override string ToString() => Id;
}

/// <summary>The handle of a triggered run whose task returns <typeparamref name="TOutput"/>.</summary>
public sealed class RunHandle<TOutput> : RunHandle
{
    internal RunHandle(TasksClient client, string id, bool isCached, string? publicAccessToken)
        : base(client, id, isCached, publicAccessToken)
    {
    }

    /// <summary>Reads the run's current state with its typed output.</summary>
    public new async Task<Run<TOutput>> RetrieveAsync(CancellationToken cancellationToken = default) =>
        new(await Client.RetrieveRunResponseAsync(Id, cancellationToken), Client);

    /// <summary>Triggers a new run of the same task with the same payload and options; returns its typed handle.</summary>
    public new async Task<RunHandle<TOutput>> ReplayAsync(CancellationToken cancellationToken = default) =>
        new(Client, await Client.ReplayRunAsync(Id, cancellationToken), isCached: false, publicAccessToken: null);

    /// <summary>Polls until the run finishes and returns it with its typed output.</summary>
    public new async Task<Run<TOutput>> WaitForCompletionAsync(CancellationToken cancellationToken = default) =>
        new(await Client.PollUntilFinishedAsync(Id, cancellationToken), Client);
}
