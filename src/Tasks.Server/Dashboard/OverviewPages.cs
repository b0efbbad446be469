using Tasks.Server.Engine;
using Tasks.Server.Storage;

namespace Tasks.Server.Dashboard;

/// <summary>The batch page, the task overview and task page, and the queue overview.</summary>
internal static class OverviewPages
{
    private static readonly string[] CountColumns = ["QUEUED", "DELAYED", "EXECUTING", "WAITING", "COMPLETED", "FAILED", "CANCELED"];

    public static Markup Batch(PageContext context, BatchDetail detail)
    {
        var batch = detail.Batch;
        var finished = detail.Runs.Count(r => RunStatuses.IsFinal(r.Status));
        var live = batch.Sealed && finished == detail.Runs.Count ? Markup.Empty : new Markup("data-live");
        var rows = detail.Runs.Select(run => Html.Of($"""
            <tr data-run-id="{run.Id}"><td>{run.BatchIndex}</td><td><a href="{context.Base}/runs/{run.Id}">{run.Id}</a></td><td>{Format.Status(run.Status)}</td>
            <td>{run.TaskId}</td><td>{Format.Time(run.CreatedAt)}</td><td>{Format.Duration(Format.RunDuration(run, context.Now))}</td></tr>
            """));
        return Html.Of($"""
            <div id="batch" {live}>
            <h1>Batch <span class="run-id">{batch.Id}</span></h1>
            <dl class="details">
              <dt>Environment</dt><dd>{detail.Environment.Type}</dd>
              <dt>Runs</dt><dd>{detail.Runs.Count} of {batch.RunCount} ({finished} finished){(batch.Sealed ? Markup.Empty : new Markup(", still receiving items"))}</dd>
              <dt>Parent</dt><dd>{(detail.Parent is { } parent ? Html.Of($"<a href=\"{context.Base}/runs/{parent.Id}\">{parent.Id}</a> {parent.TaskId}") : new Markup("–"))}</dd>
              <dt>Created</dt><dd>{Format.Time(batch.CreatedAt)}</dd>
            </dl>
            <div class="table-wrap"><table>
              <thead><tr><th>#</th><th>Run</th><th>Status</th><th>Task</th><th>Created</th><th>Duration</th></tr></thead>
              <tbody>{rows}</tbody>
            </table></div>
            </div>
            """);
    }

    public static Markup Tasks(PageContext context, IReadOnlyList<TaskStatusCount> counts, RunRecordPage recentFailures)
    {
        var rows = counts.GroupBy(c => c.TaskId).Select(task =>
        {
            var byStatus = task.ToDictionary(c => c.Status, c => c.Count);
            var other = task.Where(c => !CountColumns.Contains(c.Status)).Sum(c => c.Count);
            return Html.Of($"""
                <tr data-task="{task.Key}"><td><a href="{context.Base}/tasks/{Uri.EscapeDataString(task.Key)}?{context.EnvQuery}">{task.Key}</a></td>
                {Html.Join(CountColumns.Select(s => Html.Of($"<td class=\"count\">{Count(context, task.Key, s, byStatus.GetValueOrDefault(s))}</td>")))}
                <td class="count">{other}</td><td class="count">{task.Sum(c => c.Count)}</td></tr>
                """);
        });
        return Html.Of($"""
            <h1>Tasks</h1>
            {Layout.EnvironmentSwitcher(context, "/tasks")}
            <div id="tasks" data-live>
            <div class="table-wrap"><table class="counts">
              <thead><tr><th>Task</th>{Html.Join(CountColumns.Select(s => Html.Of($"<th>{s}</th>")))}<th>Other</th><th>Total</th></tr></thead>
              <tbody>{(counts.Count == 0 ? Html.Of($"<tr><td colspan=\"10\">No runs yet.</td></tr>") : Html.Join(rows))}</tbody>
            </table></div>
            <h2>Recent failures</h2>
            {Failures(context, recentFailures)}
            </div>
            """);
    }

    public static Markup Task(PageContext context, string taskId, IReadOnlyList<TaskStatusCount> counts, RunRecordPage recentFailures) => Html.Of($"""
        <h1>Task {taskId}</h1>
        <div id="task" data-live>
        <ul class="status-counts">{Html.Join(counts.Select(c => Html.Of($"<li>{Format.Status(c.Status)} {Count(context, taskId, c.Status, c.Count)}</li>")))}</ul>
        <p><a href="{context.Base}/runs?{context.EnvQuery}&amp;task={Uri.EscapeDataString(taskId)}">All runs of {taskId}</a></p>
        <h2>Recent failures</h2>
        {Failures(context, recentFailures)}
        </div>
        """);

    public static Markup Queues(PageContext context, IReadOnlyList<QueueUsage> queues)
    {
        var rows = queues.Select(q => Html.Of($"""
            <tr data-queue="{q.Queue}"><td><a href="{context.Base}/runs?{context.EnvQuery}&amp;status=QUEUED">{q.Queue}</a></td>
            <td class="usage">{q.Executing} / {(q.ConcurrencyLimit > 0 ? q.ConcurrencyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) : "∞")}
            {(q.ConcurrencyLimit > 0 ? Html.Of($"<meter min=\"0\" max=\"{q.ConcurrencyLimit}\" value=\"{Math.Min(q.Executing, q.ConcurrencyLimit)}\"></meter>") : Markup.Empty)}</td>
            <td class="count waiting">{q.Queued}</td></tr>
            """));
        return Html.Of($"""
            <h1>Queues</h1>
            {Layout.EnvironmentSwitcher(context, "/queues")}
            <div class="table-wrap" id="queues" data-live><table>
              <thead><tr><th>Queue</th><th>Executing / limit</th><th>Waiting</th></tr></thead>
              <tbody>{(queues.Count == 0 ? Html.Of($"<tr><td colspan=\"3\">No queues yet.</td></tr>") : Html.Join(rows))}</tbody>
            </table></div>
            """);
    }

    private static Markup Count(PageContext context, string taskId, string status, int count) => count == 0
        ? new Markup("0")
        : Html.Of($"<a href=\"{context.Base}/runs?{context.EnvQuery}&amp;task={Uri.EscapeDataString(taskId)}&amp;status={status}\">{count}</a>");

    private static Markup Failures(PageContext context, RunRecordPage failures) => failures.Runs.Count == 0
        ? Html.Of($"<p>None.</p>")
        : Html.Of($"""
            <ul class="failures">{Html.Join(failures.Runs.Select(run => Html.Of($"""
                <li data-run-id="{run.Id}"><a href="{context.Base}/runs/{run.Id}">{run.Id}</a> {run.TaskId} {Format.Status(run.Status)} {Format.Time(run.FinishedAt ?? run.UpdatedAt)}
                <span class="muted">{Format.Error(run.Error)?.Message}</span></li>
                """)))}</ul>
            """);
}
