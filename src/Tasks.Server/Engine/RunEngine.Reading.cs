using Tasks.Sdk.Protocol;
using Tasks.Server.Api;
using Tasks.Server.Storage;

namespace Tasks.Server.Engine;

internal sealed partial class RunEngine
{
    /// <summary>A run with its parent, root and children, as <c>GET /api/v3/runs/{id}</c> shows it.</summary>
    public Task<RunResponse> RetrieveRunAsync(EnvironmentRecord env, string runId, CancellationToken cancellationToken) =>
        store.ReadAsync(async reader =>
        {
            var run = await RequireRunAsync(reader, env.Id, runId);
            var parent = run.ParentRunId is { } parentId ? await reader.GetRunAsync(parentId) : null;
            var root = run.RootRunId is { } rootId && rootId != run.ParentRunId ? await reader.GetRunAsync(rootId) : parent;
            var children = await reader.GetChildRunsAsync(run.Id);
            var attempts = await reader.GetAttemptsAsync(run.Id);
            return RunPresenter.Present(run, parent, root, children, attempts, time.GetUtcNow());
        }, cancellationToken);
}
