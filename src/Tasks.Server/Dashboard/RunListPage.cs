using System.Globalization;
using Tasks.Sdk;
using Tasks.Server.Engine;
using Tasks.Server.Storage;

namespace Tasks.Server.Dashboard;

/// <summary>The run list: filters by status, task, tag, time range and environment; cursor paging; refreshed live.</summary>
internal static class RunListPage
{
    public const int PageSize = 50;

    private static readonly (string Value, string Label)[] Periods = [("", "Any time"), ("1h", "Last hour"), ("1d", "Last 24 hours"), ("7d", "Last 7 days"), ("30d", "Last 30 days")];

    /// <summary>The list's query string, as the filter form sends it.</summary>
    internal sealed record Query(string? Status, string? Task, string? Tag, string? Period, string? From, string? To, string? After, string? Before)
    {
        public static Query Read(IQueryCollection q) => new(
            Value(q, "status"), Value(q, "task"), Value(q, "tag"), Value(q, "period"), Value(q, "from"), Value(q, "to"), Value(q, "after"), Value(q, "before"));

        public string ToQueryString(string env, string? after = null, string? before = null)
        {
            var parts = new List<string> { "env=" + Uri.EscapeDataString(env) };
            void Add(string name, string? value)
            {
                if (value is { Length: > 0 })
                {
                    parts.Add(name + "=" + Uri.EscapeDataString(value));
                }
            }

            Add("status", Status);
            Add("task", Task);
            Add("tag", Tag);
            Add("period", Period);
            Add("from", From);
            Add("to", To);
            Add("after", after);
            Add("before", before);
            return string.Join('&', parts);
        }

        private static string? Value(IQueryCollection q, string name) => q[name].ToString() is { Length: > 0 } v ? v.Trim() : null;
    }

    /// <summary>The store filter for a query; null with a message when the query does not make sense.</summary>
    public static (RunFilter? Filter, string? Problem) ToFilter(Query query, long now)
    {
        var statuses = (query.Status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (statuses.FirstOrDefault(s => !Format.Statuses.Contains(s)) is { } unknown)
        {
            return (null, $"Unknown status '{unknown}'.");
        }

        long? from = null;
        if (query.Period is { } period)
        {
            if (!Durations.TryParse(period, out var span))
            {
                return (null, $"Unknown period '{period}'.");
            }

            from = now - (long)span.TotalMilliseconds;
        }

        if (!TryTime(query.From, out var fromTime) || !TryTime(query.To, out var toTime))
        {
            return (null, "Times must be dates such as 2026-12-01T10:00 (UTC).");
        }

        return (new RunFilter
        {
            Statuses = statuses,
            TaskIds = query.Task is { } task ? [task] : [],
            Tags = query.Tag is { } tag ? [tag] : [],
            CreatedFrom = fromTime ?? from,
            CreatedTo = toTime,
            After = query.After,
            Before = query.Before,
            Size = PageSize,
        }, null);
    }

    public static Markup Render(PageContext context, Query query, RunRecordPage? page, IReadOnlyList<string> taskIds, string? problem)
    {
        var rows = page is null || page.Runs.Count == 0
            ? Html.Of($"<tr class=\"empty\"><td colspan=\"7\">No runs match.</td></tr>")
            : Html.Join(page.Runs.Select(run => Row(context, run)));
        var newer = page?.Previous is { } previous
            ? Html.Of($"<a rel=\"prev\" href=\"{context.Base}/runs?{query.ToQueryString(context.Environment.Type, before: previous)}\">← Newer</a>")
            : Markup.Empty;
        var older = page?.Next is { } next
            ? Html.Of($"<a rel=\"next\" href=\"{context.Base}/runs?{query.ToQueryString(context.Environment.Type, after: next)}\">Older →</a>")
            : Markup.Empty;
        return Html.Of($"""
            <h1>Runs</h1>
            {Layout.EnvironmentSwitcher(context, "/runs")}
            {Filters(context, query, taskIds)}
            {Layout.Problem(problem)}
            <div class="table-wrap">
            <table class="runs">
              <thead><tr><th>Run</th><th>Status</th><th>Task</th><th>Tags</th><th>Queue</th><th>Created</th><th>Duration</th></tr></thead>
              <tbody id="runs" data-live>{rows}</tbody>
            </table>
            </div>
            <p class="pager" id="pager" data-live>{newer} {older}</p>
            """);
    }

    private static Markup Row(PageContext context, RunRecord run) => Html.Of($"""
        <tr data-run-id="{run.Id}">
          <td><a href="{context.Base}/runs/{run.Id}">{run.Id}</a></td>
          <td>{Format.Status(run.Status)}</td>
          <td>{run.TaskId}</td>
          <td>{Format.TagList(run.Tags)}</td>
          <td>{run.Queue}</td>
          <td>{Format.Time(run.CreatedAt)}</td>
          <td>{Format.Duration(Format.RunDuration(run, context.Now))}</td>
        </tr>
        """);

    private static Markup Filters(PageContext context, Query query, IReadOnlyList<string> taskIds) => Html.Of($"""
        <form class="filters" method="get" action="{context.Base}/runs">
          <input type="hidden" name="env" value="{context.Environment.Type}">
          <label>Status <select name="status"><option value="">Any</option>{Html.Join(Format.Statuses.Select(s => Option(s, s, query.Status)))}</select></label>
          <label>Task <input name="task" list="task-ids" value="{query.Task}" autocomplete="off"></label>
          <datalist id="task-ids">{Html.Join(taskIds.Select(t => Html.Of($"<option value=\"{t}\">")))}</datalist>
          <label>Tag <input name="tag" value="{query.Tag}"></label>
          <label>Created <select name="period">{Html.Join(Periods.Select(p => Option(p.Value, p.Label, query.Period)))}</select></label>
          <label>From (UTC) <input type="datetime-local" name="from" value="{query.From}"></label>
          <label>To (UTC) <input type="datetime-local" name="to" value="{query.To}"></label>
          <button type="submit">Filter</button>
          <a href="{context.Base}/runs?{context.EnvQuery}">Clear</a>
        </form>
        """);

    private static Markup Option(string value, string label, string? selected) => value == (selected ?? "")
        ? Html.Of($"<option value=\"{value}\" selected>{label}</option>")
        : Html.Of($"<option value=\"{value}\">{label}</option>");

    private static bool TryTime(string? text, out long? ms)
    {
        ms = null;
        if (text is null)
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return false;
        }

        ms = at.ToUnixTimeMilliseconds();
        return true;
    }
}
