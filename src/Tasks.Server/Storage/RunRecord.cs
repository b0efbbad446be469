namespace Tasks.Server.Storage;

/// <summary>A run as stored. Times are Unix milliseconds.</summary>
internal sealed record RunRecord
{
    public required string Id { get; init; }
    public required string EnvironmentId { get; init; }
    public required string TaskId { get; init; }
    public required string Status { get; init; }
    public required string Payload { get; init; }
    public required string PayloadType { get; init; }
    public string? Output { get; init; }
    public string? Error { get; init; }
    public required string Tags { get; init; }
    public string? Metadata { get; init; }
    public required string Queue { get; init; }
    public string ConcurrencyKey { get; init; } = "";
    public long QueueAt { get; init; }
    public string? IdempotencyKey { get; init; }
    public string? IdempotencyKeyUser { get; init; }
    public long? IdempotencyExpiresAt { get; init; }
    public int AttemptCount { get; init; }
    public int MaxAttempts { get; init; }
    public long? MaxDurationMs { get; init; }
    public string? Ttl { get; init; }
    public long? TtlExpiresAt { get; init; }
    public long? DelayUntil { get; init; }
    public long AvailableAt { get; init; }
    public long CreatedAt { get; init; }
    public long UpdatedAt { get; init; }
    public long? StartedAt { get; init; }
    public long? FinishedAt { get; init; }
    public long? ExpiredAt { get; init; }
    public string? ParentRunId { get; init; }
    public string? RootRunId { get; init; }
    public int Depth { get; init; }
    public required string TriggerFunction { get; init; }
    public string? BatchId { get; init; }
    public int? BatchIndex { get; init; }
    public bool ResumeParent { get; init; }
    public string? LeaseOwner { get; init; }
    public string? LeaseRequest { get; init; }
    public long? LeaseExpiresAt { get; init; }
    public string? WaitingFor { get; init; }
    public bool WaitDone { get; init; }
}

/// <summary>A task as its workers registered it.</summary>
internal sealed record TaskRecord(
    string TaskId,
    string Queue,
    int MaxAttempts,
    long MinRetryDelayMs,
    long MaxRetryDelayMs,
    double RetryFactor,
    bool RandomizeRetry,
    long? MaxDurationMs,
    long? TtlMs);

/// <summary>A batch as stored.</summary>
internal sealed record BatchRecord(
    string Id,
    string EnvironmentId,
    int RunCount,
    bool Sealed,
    string? ParentRunId,
    bool ResumeParent,
    long CreatedAt,
    long UpdatedAt);

/// <summary>An environment and its secret key.</summary>
internal sealed record EnvironmentRecord(string Id, string Type, string ApiKey);

/// <summary>One attempt of a run.</summary>
internal sealed record AttemptRecord(int Number, string WorkerId, long StartedAt, long? FinishedAt, string Status, string? Error);

/// <summary>An offloaded payload: what a client uploaded to a presigned URL.</summary>
internal sealed record PacketRecord(string Path, string ContentType, byte[] Data);

/// <summary>Filters and a cursor for listing runs. Lists are newest first; <see cref="After"/> pages to older runs, <see cref="Before"/> to newer.</summary>
internal sealed record RunFilter
{
    public IReadOnlyList<string> Statuses { get; init; } = [];
    public IReadOnlyList<string> TaskIds { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public long? CreatedFrom { get; init; }
    public long? CreatedTo { get; init; }
    public string? BatchId { get; init; }
    public string? Queue { get; init; }
    public string? After { get; init; }
    public string? Before { get; init; }
    public int Size { get; init; } = 25;
}
