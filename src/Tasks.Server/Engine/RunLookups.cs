using Tasks.Server.Storage;

namespace Tasks.Server.Engine;

/// <summary>
/// Reads that every item of one batch request would otherwise repeat (its tasks' definitions, its parent run), made once per
/// request inside its transaction. Without it a 1,000-item batch reads the same rows a thousand times, and on PostgreSQL each
/// read is a round trip that also flushes the writes before it.
/// </summary>
internal sealed class RunLookups(IRunTransaction tx)
{
    private readonly Dictionary<string, TaskRecord?> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RunRecord?> _parents = new(StringComparer.Ordinal);

    public async Task<TaskRecord?> GetTaskAsync(string environmentId, string taskId)
    {
        if (!_tasks.TryGetValue(taskId, out var task))
        {
            _tasks[taskId] = task = await tx.GetTaskAsync(environmentId, taskId);
        }

        return task;
    }

    /// <summary>A parent run the items only read (its root and depth); the request itself never changes it.</summary>
    public async Task<RunRecord?> GetParentAsync(string runId)
    {
        if (!_parents.TryGetValue(runId, out var run))
        {
            _parents[runId] = run = await tx.GetRunAsync(runId);
        }

        return run;
    }
}
