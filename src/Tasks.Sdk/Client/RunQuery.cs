namespace Tasks.Sdk;

/// <summary>Which runs <see cref="TasksClient.ListRunsAsync"/> returns; every filter is optional. Runs come newest first.</summary>
public sealed record RunQuery
{
    /// <summary>Only runs in these statuses.</summary>
    public IReadOnlyList<RunStatus>? Statuses { get; init; }
    /// <summary>Only runs of these tasks.</summary>
    public IReadOnlyList<string>? TaskIds { get; init; }
    /// <summary>Only runs carrying one of these tags.</summary>
    public IReadOnlyList<string>? Tags { get; init; }
    /// <summary>Only runs triggered at or after this time.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }
    /// <summary>Only runs triggered at or before this time.</summary>
    public DateTimeOffset? CreatedTo { get; init; }
    /// <summary>Only runs of this batch.</summary>
    public string? BatchId { get; init; }
    /// <summary>Only runs in this queue.</summary>
    public string? Queue { get; init; }
    /// <summary>Runs fetched per request (1 to 100).</summary>
    public int PageSize { get; init; } = 50;
}
