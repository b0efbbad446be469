using Tasks.Sdk;

namespace Tasks.Server.Engine;

/// <summary>The stored statuses, which are the API's own (see <see cref="RunStatus"/>).</summary>
internal static class RunStatuses
{
    public const string Queued = "QUEUED";
    public const string Delayed = "DELAYED";
    public const string Executing = "EXECUTING";
    public const string Waiting = "WAITING";
    public const string Completed = "COMPLETED";
    public const string Canceled = "CANCELED";
    public const string Failed = "FAILED";
    public const string Crashed = "CRASHED";
    public const string Expired = "EXPIRED";
    public const string TimedOut = "TIMED_OUT";

    public static bool IsFinal(string status) => RunStatusNames.Parse(status).IsFinal();

    /// <summary>After these, an idempotency key is free again (Trigger.dev's <c>shouldIdempotencyKeyBeCleared</c>).</summary>
    public static bool FreesIdempotencyKey(string status) => status is Failed or Crashed or "SYSTEM_FAILURE" or Expired;
}
