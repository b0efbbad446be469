using Tasks.Server.Engine;
using Tasks.Server.Storage;

namespace Tasks.Server.Dashboard;

/// <summary>Forms: sign-in, and the confirmation step of each action (cancel, replay with an optional new payload, reschedule).</summary>
internal static class FormPages
{
    public static Markup SignIn(string basePath, string nonce, string returnUrl, string? problem) => Html.Of($"""
        <section class="sign-in">
        <h1>Sign in to Tasks</h1>
        <p>Use the dashboard token the server printed at start (or the one configured as <code>Tasks:DashboardToken</code>). Secret keys and public access tokens do not open the dashboard.</p>
        {Layout.Problem(problem)}
        <form method="post" action="{basePath}/sign-in">
          <input type="hidden" name="{DashboardAuth.CsrfField}" value="{nonce}">
          <input type="hidden" name="returnUrl" value="{returnUrl}">
          <label>Dashboard token <input type="password" name="token" id="token" autocomplete="current-password" required autofocus></label>
          <button type="submit" id="sign-in">Sign in</button>
        </form>
        </section>
        """);

    public static Markup Cancel(PageContext context, RunRecord run, string? problem) => Confirm(context, run, "cancel", "Cancel this run?", problem,
        Html.Of($"<p>The run {run.Id} ({run.TaskId}) is {run.Status}. Cancelling stops it (an executing run learns at its next heartbeat); a waiting run's unfinished children are cancelled with it.</p>"),
        "Cancel run");

    public static Markup Replay(PageContext context, RunRecord run, string payload, string? problem) => Confirm(context, run, "replay", "Replay this run?", problem,
        Html.Of($"""
            <p>A new run of {run.TaskId} with the same options. Edit the payload to replay with a different one.</p>
            <label class="block">Payload (JSON)<textarea name="payload" id="payload-input" rows="12" spellcheck="false">{payload}</textarea></label>
            """),
        "Replay run");

    public static Markup Reschedule(PageContext context, RunRecord run, string? delay, string? problem) => Confirm(context, run, "reschedule", "Reschedule this delayed run?", problem,
        Html.Of($"""
            <p>It is due at {Format.Time(run.DelayUntil)} (UTC). Give a new delay from now (<code>30s</code>, <code>5m</code>, <code>1h30m</code>) or a date (<code>2026-12-24T08:00:00Z</code>).</p>
            <label>Delay <input name="delay" id="delay-input" value="{delay ?? "1m"}" required></label>
            """),
        "Reschedule run");

    private static Markup Confirm(PageContext context, RunRecord run, string action, string title, string? problem, Markup fields, string button) => Html.Of($"""
        <section class="confirm">
        <h1>{title}</h1>
        {Layout.Problem(problem)}
        <form method="post" action="{context.Base}/runs/{run.Id}/{action}">
          {context.CsrfInput}
          {fields}
          <p><button type="submit" class="danger" id="confirm">{button}</button> <a href="{context.Base}/runs/{run.Id}">Back to the run</a></p>
        </form>
        </section>
        """);
}
