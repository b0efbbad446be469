using Tasks.Server.Storage;

namespace Tasks.Server.Dashboard;

/// <summary>What every signed-in page knows: where the dashboard lives, the session's CSRF token, and the environment shown.</summary>
internal sealed record PageContext(string Base, string Csrf, IReadOnlyList<EnvironmentRecord> Environments, EnvironmentRecord Environment, long Now)
{
    public string EnvQuery => "env=" + Uri.EscapeDataString(Environment.Type);

    /// <summary>A hidden input with the session's CSRF token, for every form that changes something.</summary>
    public Markup CsrfInput => Html.Of($"<input type=\"hidden\" name=\"{DashboardAuth.CsrfField}\" value=\"{Csrf}\">");
}

/// <summary>The page around every dashboard view: head, navigation, environment switcher, sign-out.</summary>
internal static class Layout
{
    public static IResult Page(PageContext? context, string basePath, string title, Markup body, int statusCode = 200)
    {
        var nav = context is null
            ? Markup.Empty
            : Html.Of($"""
                <nav class="top">
                  <a class="brand" href="{basePath}/runs?{context.EnvQuery}">Tasks</a>
                  <a href="{basePath}/runs?{context.EnvQuery}">Runs</a>
                  <a href="{basePath}/tasks?{context.EnvQuery}">Tasks</a>
                  <a href="{basePath}/queues?{context.EnvQuery}">Queues</a>
                  <span class="env">{context.Environment.Type}</span>
                  <form method="post" action="{basePath}/sign-out" class="sign-out">{context.CsrfInput}<button type="submit">Sign out</button></form>
                </nav>
                """);
        var html = Html.Of($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} · Tasks</title>
            <link rel="stylesheet" href="{basePath}/assets/dashboard.css">
            <script src="{basePath}/assets/dashboard.js" defer></script>
            </head>
            <body>
            {nav}
            <main>
            {body}
            </main>
            </body>
            </html>
            """);
        return Results.Content(html.Value, "text/html; charset=utf-8", statusCode: statusCode);
    }

    /// <summary>Links to each environment, keeping the rest of the page's query.</summary>
    public static Markup EnvironmentSwitcher(PageContext context, string path) => Html.Of($"""
        <div class="envs">Environment: {Html.Join(context.Environments.Select(e => e.Id == context.Environment.Id
            ? Html.Of($"<strong>{e.Type}</strong>")
            : Html.Of($"<a href=\"{context.Base}{path}?env={Uri.EscapeDataString(e.Type)}\">{e.Type}</a>")))}</div>
        """);

    public static Markup Notice(string? notice) => notice is null ? Markup.Empty : Html.Of($"<p class=\"notice\" role=\"status\">{notice}</p>");

    public static Markup Problem(string? message) => message is null ? Markup.Empty : Html.Of($"<p class=\"problem\" role=\"alert\">{message}</p>");
}
