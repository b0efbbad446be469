namespace Tasks.Sdk;

/// <summary>Converts <see cref="RunStatus"/> to and from the wire names (<c>QUEUED</c>, <c>PENDING_VERSION</c>, ...).</summary>
public static class RunStatusNames
{
    private static readonly (RunStatus Status, string Name)[] Names =
    [
        (RunStatus.PendingVersion, "PENDING_VERSION"), (RunStatus.Queued, "QUEUED"), (RunStatus.Dequeued, "DEQUEUED"),
        (RunStatus.Executing, "EXECUTING"), (RunStatus.Waiting, "WAITING"), (RunStatus.Completed, "COMPLETED"),
        (RunStatus.Canceled, "CANCELED"), (RunStatus.Failed, "FAILED"), (RunStatus.Crashed, "CRASHED"),
        (RunStatus.SystemFailure, "SYSTEM_FAILURE"), (RunStatus.Delayed, "DELAYED"), (RunStatus.Expired, "EXPIRED"),
        (RunStatus.TimedOut, "TIMED_OUT"),
    ];

    /// <summary>The wire name of a status.</summary>
    public static string ToWire(this RunStatus status) => Names[(int)status].Name;

    /// <summary>The status of a wire name; throws <see cref="FormatException"/> for an unknown name.</summary>
    public static RunStatus Parse(string name)
    {
        foreach (var (status, wire) in Names)
        {
            if (wire == name)
            {
                return status;
            }
        }

        throw new FormatException($"Unknown run status '{name}'.");
    }

    /// <summary>True for statuses a run never leaves.</summary>
    public static bool IsFinal(this RunStatus status) => status is RunStatus.Completed or RunStatus.Canceled or RunStatus.Failed
        or RunStatus.Crashed or RunStatus.SystemFailure or RunStatus.Expired or RunStatus.TimedOut;
}
