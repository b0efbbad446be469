namespace Tasks.Sdk;

/// <summary>A run's status: Trigger.dev's thirteen API statuses (API version 2025-07-16).</summary>
public enum RunStatus
{
    /// <summary>Waiting for a worker that knows the task.</summary>
    PendingVersion,
    /// <summary>In its queue, waiting for a worker and a free concurrency slot.</summary>
    Queued,
    /// <summary>Handed to a worker, about to start.</summary>
    Dequeued,
    /// <summary>Running on a worker.</summary>
    Executing,
    /// <summary>Suspended until the runs it triggered finish; holds no concurrency slot.</summary>
    Waiting,
    /// <summary>Finished successfully.</summary>
    Completed,
    /// <summary>Cancelled.</summary>
    Canceled,
    /// <summary>Failed on its last attempt.</summary>
    Failed,
    /// <summary>Its worker died and no attempts were left.</summary>
    Crashed,
    /// <summary>Failed because of the system, not the task.</summary>
    SystemFailure,
    /// <summary>Triggered with a delay that has not passed yet.</summary>
    Delayed,
    /// <summary>Not started before its TTL ran out.</summary>
    Expired,
    /// <summary>Exceeded its max duration.</summary>
    TimedOut,
}
