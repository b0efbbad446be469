namespace Tasks.Sdk.Protocol;

/// <summary>Trigger.dev's boolean helpers of a run object, derived from its wire status so they can never disagree with it.</summary>
public static class RunStatusFlags
{
    /// <summary>QUEUED, DELAYED or PENDING_VERSION.</summary>
    public static bool IsQueued(string status) => status is "QUEUED" or "DELAYED" or "PENDING_VERSION";

    /// <summary>EXECUTING or DEQUEUED.</summary>
    public static bool IsExecuting(string status) => status is "EXECUTING" or "DEQUEUED";

    /// <summary>WAITING.</summary>
    public static bool IsWaiting(string status) => status is "WAITING";

    /// <summary>Finished for good (including EXPIRED and TIMED_OUT, so pollers stop).</summary>
    public static bool IsCompleted(string status) => RunStatusNames.Parse(status).IsFinal();

    /// <summary>COMPLETED.</summary>
    public static bool IsSuccess(string status) => status is "COMPLETED";

    /// <summary>Finished, and not COMPLETED.</summary>
    public static bool IsFailed(string status) => IsCompleted(status) && !IsSuccess(status);

    /// <summary>CANCELED.</summary>
    public static bool IsCancelled(string status) => status is "CANCELED";
}
