using Tasks.Sdk.Protocol;

namespace Tasks.Sdk;

/// <summary>Suspends a running task until the server resumes it: its children have finished and its queue has a free slot again.</summary>
internal interface IRunWaiter
{
    Task<IReadOnlyList<WaitedRunResult>> WaitForResumeAsync(string runId, CancellationToken cancellationToken);
}
