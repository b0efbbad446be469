using Tasks.Server.Engine;
using Tasks.Server.Storage;

namespace Tasks.Server.Dashboard;

/// <summary>One run: status and details, payload and output, error and stack, attempts, the parent/child tree, a timeline, actions.</summary>
internal static class RunDetailPage
{
    public static Markup Render(PageContext context, RunDetail detail, string? notice)
    {
        var run = detail.Run;
        var final = RunStatuses.IsFinal(run.Status);
        var error = run.Status == RunStatuses.Completed ? null : Format.Error(run.Error);
        return Html.Of($"""
            <div id="run" {(final ? Markup.Empty : new Markup("data-live"))} data-run-id="{run.Id}">
            <h1><span class="run-id">{run.Id}</span> {Format.Status(run.Status)}</h1>
            {Layout.Notice(notice)}
            <p class="actions">{Actions(context, run)}</p>
            <section class="grid">
            <dl class="details">
              <dt>Task</dt><dd>{run.TaskId}</dd>
              <dt>Environment</dt><dd>{detail.Environment.Type}</dd>
              <dt>Queue</dt><dd><a href="{context.Base}/queues?env={detail.Environment.Type}">{run.Queue}</a>{(run.ConcurrencyKey.Length > 0 ? Html.Of($" (key {run.ConcurrencyKey})") : Markup.Empty)}</dd>
              <dt>Created</dt><dd>{Format.Time(run.CreatedAt)}</dd>
              <dt>Started</dt><dd>{Format.Time(run.StartedAt)}</dd>
              <dt>Finished</dt><dd>{Format.Time(run.FinishedAt)}</dd>
              <dt>Duration</dt><dd>{Format.Duration(Format.RunDuration(run, context.Now))}</dd>
              <dt>Delayed until</dt><dd>{Format.Time(run.DelayUntil)}</dd>
              <dt>TTL</dt><dd>{run.Ttl ?? "–"}</dd>
              <dt>Attempts</dt><dd>{run.AttemptCount} of {run.MaxAttempts}</dd>
              <dt>Idempotency key</dt><dd>{run.IdempotencyKeyUser ?? "–"}</dd>
              <dt>Tags</dt><dd class="tags">{Format.TagList(run.Tags)}</dd>
              <dt>Triggered by</dt><dd>{run.TriggerFunction}</dd>
            </dl>
            </section>
            {ErrorSection(error)}
            <section><h2>Payload</h2><pre class="json" id="payload">{Format.PrettyJson(PayloadCodec.ToPlainJson(run.Payload, run.PayloadType))}</pre></section>
            {(run.Status == RunStatuses.Completed ? Html.Of($"<section><h2>Output</h2><pre class=\"json\" id=\"output\">{Format.PrettyJson(run.Output ?? "null")}</pre></section>") : Markup.Empty)}
            {(run.Metadata is { } metadata ? Html.Of($"<section><h2>Metadata</h2><pre class=\"json\" id=\"metadata\">{Format.PrettyJson(metadata)}</pre></section>") : Markup.Empty)}
            {Attempts(detail, context.Now)}
            {Tree(context, detail)}
            {Timeline(detail)}
            </div>
            """);
    }

    private static Markup Actions(PageContext context, RunRecord run)
    {
        var actions = new List<Markup>();
        if (!RunStatuses.IsFinal(run.Status))
        {
            actions.Add(Html.Of($"<a class=\"button danger\" id=\"cancel\" href=\"{context.Base}/runs/{run.Id}/cancel\">Cancel…</a>"));
        }

        actions.Add(Html.Of($"<a class=\"button\" id=\"replay\" href=\"{context.Base}/runs/{run.Id}/replay\">Replay…</a>"));
        if (run.Status == RunStatuses.Delayed)
        {
            actions.Add(Html.Of($"<a class=\"button\" id=\"reschedule\" href=\"{context.Base}/runs/{run.Id}/reschedule\">Reschedule…</a>"));
        }

        return Html.Join(actions);
    }

    private static Markup ErrorSection(Tasks.Sdk.Protocol.SerializedError? error) => error is null
        ? Markup.Empty
        : Html.Of($"""
            <section class="error" id="error">
              <h2>Error</h2>
              <p><strong>{error.Name ?? "Error"}</strong>: {error.Message}</p>
              {(error.StackTrace is { Length: > 0 } stack ? Html.Of($"<pre class=\"stack\">{stack}</pre>") : Markup.Empty)}
            </section>
            """);

    private static Markup Attempts(RunDetail detail, long now)
    {
        if (detail.Attempts.Count == 0)
        {
            return Html.Of($"<section id=\"attempts\"><h2>Attempts</h2><p>None yet.</p></section>");
        }

        var rows = detail.Attempts.Select(a =>
        {
            var error = Format.Error(a.Error);
            var errorCell = error is null
                ? Markup.Empty
                : Html.Of($"<strong>{error.Name ?? "Error"}</strong>: {error.Message}{(error.StackTrace is { Length: > 0 } stack ? Html.Of($"<details><summary>Stack trace</summary><pre class=\"stack\">{stack}</pre></details>") : Markup.Empty)}");
            return Html.Of($"""
                <tr data-attempt="{a.Number}">
                  <td>{a.Number}</td><td>{Format.Status(a.Status)}</td><td>{Format.Time(a.StartedAt)}</td><td>{Format.Time(a.FinishedAt)}</td>
                  <td>{Format.Duration((a.FinishedAt ?? now) - a.StartedAt)}</td><td class="worker">{a.WorkerId}</td><td class="attempt-error">{errorCell}</td>
                </tr>
                """);
        });
        return Html.Of($"""
            <section id="attempts"><h2>Attempts</h2>
            <div class="table-wrap"><table>
              <thead><tr><th>#</th><th>Status</th><th>Started</th><th>Finished</th><th>Duration</th><th>Worker</th><th>Error</th></tr></thead>
              <tbody>{rows}</tbody>
            </table></div>
            </section>
            """);
    }

    /// <summary>Parent above, this run, then its children: runs triggered one by one, and batches as groups.</summary>
    private static Markup Tree(PageContext context, RunDetail detail)
    {
        if (detail.Parent is null && detail.Children.Count == 0 && detail.Batch is null)
        {
            return Markup.Empty;
        }

        var single = detail.Children.Where(c => c.BatchId is null).Select(c => Node(context, c));
        var groups = detail.Children.Where(c => c.BatchId is not null).GroupBy(c => c.BatchId!).Select(g => Html.Of($"""
            <li class="batch-group"><a href="{context.Base}/batches/{g.Key}">Batch {g.Key}</a> ({g.Count()} runs)
              <ul>{Html.Join(g.OrderBy(c => c.BatchIndex).Select(c => Node(context, c)))}</ul>
            </li>
            """));
        var self = Html.Of($"""
            <li class="self"><strong>{detail.Run.Id}</strong> {detail.Run.TaskId} {Format.Status(detail.Run.Status)}
              {(detail.Batch is { } batch ? Html.Of($"<span class=\"muted\">in <a href=\"{context.Base}/batches/{batch.Id}\">batch {batch.Id}</a> #{detail.Run.BatchIndex}</span>") : Markup.Empty)}
              {(detail.Children.Count > 0 ? Html.Of($"<ul class=\"children\">{single}{groups}</ul>") : Markup.Empty)}
            </li>
            """);
        var tree = detail.Parent is { } parent
            ? Html.Of($"<ul class=\"tree\"><li class=\"parent\">{Link(context, parent)}<ul>{self}</ul></li></ul>")
            : Html.Of($"<ul class=\"tree\">{self}</ul>");
        return Html.Of($"<section id=\"tree\"><h2>Runs tree</h2>{tree}</section>");
    }

    private static Markup Node(PageContext context, RunRecord run) => Html.Of($"<li class=\"child\" data-run-id=\"{run.Id}\">{Link(context, run)}</li>");

    private static Markup Link(PageContext context, RunRecord run) =>
        Html.Of($"<a href=\"{context.Base}/runs/{run.Id}\">{run.Id}</a> {run.TaskId} {Format.Status(run.Status)}");

    /// <summary>Status changes as the stored times tell them: created, delayed, each attempt's start and end, the final status.</summary>
    private static Markup Timeline(RunDetail detail)
    {
        var run = detail.Run;
        var events = new List<(long At, string What)> { (run.CreatedAt, $"Created ({(run.DelayUntil is not null ? "DELAYED" : "QUEUED")})") };
        if (run.DelayUntil is { } delay)
        {
            events.Add((delay, "Delay ends: QUEUED"));
        }

        foreach (var attempt in detail.Attempts)
        {
            events.Add((attempt.StartedAt, $"Attempt {attempt.Number} started: EXECUTING on {attempt.WorkerId}"));
            if (attempt.FinishedAt is { } finished)
            {
                events.Add((finished, $"Attempt {attempt.Number} ended: {attempt.Status}"));
            }
        }

        if (run.ExpiredAt is { } expired)
        {
            events.Add((expired, "EXPIRED"));
        }

        if (run.FinishedAt is { } end)
        {
            events.Add((end, $"Finished: {run.Status}"));
        }
        else if (run.Status == RunStatuses.Waiting)
        {
            events.Add((run.UpdatedAt, "WAITING on " + (run.WaitingFor ?? "its children")));
        }

        var items = events.OrderBy(e => e.At).Select(e => Html.Of($"<li>{Format.Time(e.At)} {e.What}</li>"));
        return Html.Of($"<section id=\"timeline\"><h2>Timeline</h2><ol class=\"timeline\">{items}</ol></section>");
    }
}
