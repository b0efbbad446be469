namespace Tasks.Sdk;

/// <summary>
/// A task's options as declared on its <see cref="TaskAttribute"/>. The generator copies the attribute's named arguments here verbatim.
/// </summary>
public sealed record TaskOptions
{
    /// <summary>Attempts in all when the task declares none: the first and two retries.</summary>
    public const int DefaultMaxAttempts = 3;

    /// <inheritdoc cref="TaskAttribute.MaxAttempts"/>
    public int MaxAttempts { get; init; }

    /// <inheritdoc cref="TaskAttribute.MinRetryDelay"/>
    public string? MinRetryDelay { get; init; }

    /// <inheritdoc cref="TaskAttribute.MaxRetryDelay"/>
    public string? MaxRetryDelay { get; init; }

    /// <inheritdoc cref="TaskAttribute.RetryFactor"/>
    public double RetryFactor { get; init; }

    /// <inheritdoc cref="TaskAttribute.RandomizeRetry"/>
    public bool RandomizeRetry { get; init; }

    /// <inheritdoc cref="TaskAttribute.Queue"/>
    public string? Queue { get; init; }

    /// <inheritdoc cref="TaskAttribute.ConcurrencyLimit"/>
    public int ConcurrencyLimit { get; init; }

    /// <inheritdoc cref="TaskAttribute.MaxDuration"/>
    public string? MaxDuration { get; init; }

    /// <inheritdoc cref="TaskAttribute.Ttl"/>
    public string? Ttl { get; init; }
}
