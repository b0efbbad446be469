using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tasks.Sdk.Protocol;
using Tasks.Server.Auth;
using Tasks.Server.Engine;
using Tasks.Server.Storage;

namespace Tasks.Server.Dashboard;

/// <summary>
/// The dashboard under <c>/dashboard</c>: server-rendered pages over the run engine, a small script that refreshes the live parts,
/// and three actions (cancel, replay, reschedule) each behind a confirmation form. Everything but sign-in and the two static
/// assets sits behind <see cref="DashboardSessionFilter"/>.
/// </summary>
internal static partial class DashboardEndpoints
{
    public const string BasePath = "/dashboard";

    /// <summary>Sent by the live-update script: an expired session then answers 401 instead of a redirect.</summary>
    public const string LiveHeader = "X-Dashboard-Live";

    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static void MapDashboard(this IEndpointRouteBuilder app)
    {
        var root = app.MapGroup(BasePath).AddEndpointFilter(SecurityHeadersAsync);
        root.MapGet("/assets/{name}", DashboardAssets.Serve);
        root.MapGet("/sign-in", SignInPage);
        root.MapPost("/sign-in", SignInAsync);

        var pages = root.MapGroup("").AddEndpointFilter<DashboardSessionFilter>();
        pages.MapGet("", (HttpContext http) => Results.Redirect($"{http.Request.PathBase}{BasePath}/runs"));
        pages.MapGet("/runs", RunsAsync);
        pages.MapGet("/runs/{runId}", RunAsync);
        foreach (var action in (string[])["cancel", "replay", "reschedule"])
        {
            pages.MapGet($"/runs/{{runId}}/{action}", (string runId, HttpContext http, RunEngine engine, EnvironmentKeys keys, TimeProvider time) => ConfirmAsync(runId, action, http, engine, keys, time));
            pages.MapPost($"/runs/{{runId}}/{action}", (string runId, HttpContext http, RunEngine engine, EnvironmentKeys keys, TimeProvider time) => ActAsync(runId, action, http, engine, keys, time));
        }

        pages.MapGet("/batches/{batchId}", BatchAsync);
        pages.MapGet("/tasks", TasksAsync);
        pages.MapGet("/tasks/{taskId}", TaskAsync);
        pages.MapGet("/queues", QueuesAsync);
        pages.MapPost("/sign-out", SignOut);
    }

    private static async ValueTask<object?> SecurityHeadersAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.CacheControl = "no-store";
        return await next(context);
    }

    private static IResult SignInPage(HttpContext http, DashboardAuth auth, string? returnUrl)
    {
        var target = SafeReturnUrl(http, returnUrl);
        if (auth.ValidateSession(http.Request.Cookies[DashboardAuth.SessionCookie]) is not null)
        {
            return Results.Redirect(target);
        }

        return SignInForm(http, target, null, StatusCodes.Status200OK);
    }

    private static async Task<IResult> SignInAsync(HttpContext http, DashboardAuth auth)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        var target = SafeReturnUrl(http, form?["returnUrl"]);
        var expected = http.Request.Cookies[DashboardAuth.SignInCookie];
        var echoed = form?[DashboardAuth.CsrfField].ToString();
        if (!DashboardSessionFilter.IsSameOrigin(http.Request) || expected is not { Length: > 0 } || echoed is not { Length: > 0 }
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(echoed)))
        {
            return SignInForm(http, target, "The sign-in form expired or did not come from this page; try again.", StatusCodes.Status403Forbidden);
        }

        if (!auth.IsValidToken(form?["token"].ToString()))
        {
            await Task.Delay(300, http.RequestAborted); // a configured token may be guessable: make guessing slow
            return SignInForm(http, target, "That is not the dashboard token.", StatusCodes.Status401Unauthorized);
        }

        http.Response.Cookies.Delete(DashboardAuth.SignInCookie, DashboardAuth.CookieOptions(http, null));
        http.Response.Cookies.Append(DashboardAuth.SessionCookie, auth.NewSession(), DashboardAuth.CookieOptions(http, DashboardAuth.SessionLifetime));
        return SeeOther(http, target);
    }

    private static IResult SignOut(HttpContext http)
    {
        http.Response.Cookies.Delete(DashboardAuth.SessionCookie, DashboardAuth.CookieOptions(http, null));
        return SeeOther(http, $"{http.Request.PathBase}{BasePath}/sign-in");
    }

    private static IResult SignInForm(HttpContext http, string returnUrl, string? problem, int statusCode)
    {
        var nonce = DashboardAuth.NewSignInNonce();
        http.Response.Cookies.Append(DashboardAuth.SignInCookie, nonce, DashboardAuth.CookieOptions(http, TimeSpan.FromHours(1)));
        var basePath = http.Request.PathBase + BasePath;
        return Layout.Page(null, basePath, "Sign in", FormPages.SignIn(basePath, nonce, returnUrl, problem), statusCode);
    }

    private static async Task<IResult> RunsAsync(HttpContext http, RunEngine engine, EnvironmentKeys keys, TimeProvider time)
    {
        var context = await ContextAsync(http, engine, keys, time, null);
        var query = RunListPage.Query.Read(http.Request.Query);
        var (filter, problem) = RunListPage.ToFilter(query, context.Now);
        var page = filter is null ? null : await engine.ListRunRecordsAsync(context.Environment, filter, http.RequestAborted);
        IReadOnlyList<string> taskIds = http.Request.Headers.ContainsKey(LiveHeader)
            ? []
            : (await engine.CountRunsByTaskAsync(context.Environment, http.RequestAborted)).Select(c => c.TaskId).Distinct().ToList();
        return Layout.Page(context, context.Base, "Runs", RunListPage.Render(context, query, page, taskIds, problem), problem is null ? 200 : 400);
    }

    private static async Task<IResult> RunAsync(string runId, HttpContext http, RunEngine engine, EnvironmentKeys keys, TimeProvider time, string? notice, string? from)
    {
        if (await engine.GetRunDetailAsync(runId, http.RequestAborted) is not { } detail)
        {
            return await NotFoundAsync(http, engine, keys, time, $"There is no run {runId}.");
        }

        var context = await ContextAsync(http, engine, keys, time, detail.Environment);
        return Layout.Page(context, context.Base, $"Run {runId}", RunDetailPage.Render(context, detail, Notice(notice, from)));
    }

    private static async Task<IResult> ConfirmAsync(string runId, string action, HttpContext http, RunEngine engine, EnvironmentKeys keys, TimeProvider time)
    {
        if (await engine.GetRunDetailAsync(runId, http.RequestAborted) is not { } detail)
        {
            return await NotFoundAsync(http, engine, keys, time, $"There is no run {runId}.");
        }

        var context = await ContextAsync(http, engine, keys, time, detail.Environment);
        var run = detail.Run;
        var body = action switch
        {
            "cancel" => FormPages.Cancel(context, run, RunStatuses.IsFinal(run.Status) ? $"The run is already {run.Status}: there is nothing to cancel." : null),
            "replay" => FormPages.Replay(context, run, OriginalPayload(run), null),
            _ => FormPages.Reschedule(context, run, null, run.Status == RunStatuses.Delayed ? null : $"The run is {run.Status}; only DELAYED runs can be rescheduled."),
        };
        return Layout.Page(context, context.Base, $"{action} {runId}", body);
    }

    private static async Task<IResult> ActAsync(string runId, string action, HttpContext http, RunEngine engine, EnvironmentKeys keys, TimeProvider time)
    {
        if (await engine.GetRunDetailAsync(runId, http.RequestAborted) is not { } detail)
        {
            return await NotFoundAsync(http, engine, keys, time, $"There is no run {runId}.");
        }

        var context = await ContextAsync(http, engine, keys, time, detail.Environment);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var run = detail.Run;
        var runUrl = $"{context.Base}/runs/{run.Id}";
        try
        {
            switch (action)
            {
                case "cancel":
                    if (RunStatuses.IsFinal(run.Status))
                    {
                        return SeeOther(http, runUrl + "?notice=not-canceled");
                    }

                    await engine.CancelAsync(detail.Environment, run.Id, http.RequestAborted);
                    return SeeOther(http, runUrl + "?notice=canceled");
                case "replay":
                    var payload = form["payload"].ToString();
                    ReplayRequest? overrides = null;
                    if (payload.Trim() != OriginalPayload(run).Trim())
                    {
                        if (!TryParseJson(payload, out var edited))
                        {
                            return Layout.Page(context, context.Base, $"replay {runId}", FormPages.Replay(context, run, payload, "The payload is not valid JSON."), 400);
                        }

                        overrides = new ReplayRequest { Payload = edited, PayloadType = PayloadCodec.Json };
                    }

                    var replay = await engine.ReplayAsync(detail.Environment, run.Id, overrides, http.RequestAborted);
                    return SeeOther(http, $"{context.Base}/runs/{replay.Id}?notice=replayed&from={Uri.EscapeDataString(run.Id)}");
                default:
                    var delay = form["delay"].ToString().Trim();
                    if (delay.Length == 0)
                    {
                        return Layout.Page(context, context.Base, $"reschedule {runId}", FormPages.Reschedule(context, run, delay, "Give a delay or a date."), 400);
                    }

                    await engine.RescheduleAsync(detail.Environment, run.Id, delay, http.RequestAborted);
                    return SeeOther(http, runUrl + "?notice=rescheduled");
            }
        }
        catch (ApiProblem problem)
        {
            var body = action switch
            {
                "cancel" => FormPages.Cancel(context, run, problem.Message),
                "replay" => FormPages.Replay(context, run, form["payload"].ToString(), problem.Message),
                _ => FormPages.Reschedule(context, run, form["delay"].ToString(), problem.Message),
            };
            return Layout.Page(context, context.Base, $"{action} {runId}", body, problem.StatusCode);
        }
    }

    private static async Task<IResult> BatchAsync(string batchId, HttpContext http, RunEngine engine, EnvironmentKeys keys, TimeProvider time)
    {
        if (await engine.GetBatchDetailAsync(batchId, http.RequestAborted) is not { } detail)
        {
            return await NotFoundAsync(http, engine, keys, time, $"There is no batch {batchId}.");
        }

        var context = await ContextAsync(http, engine, keys, time, detail.Environment);
        return Layout.Page(context, context.Base, $"Batch {batchId}", OverviewPages.Batch(context, detail));
    }

    private static async Task<IResult> TasksAsync(HttpContext http, RunEngine engine, EnvironmentKeys keys, TimeProvider time)
    {
        var context = await ContextAsync(http, engine, keys, time, null);
        var counts = await engine.CountRunsByTaskAsync(context.Environment, http.RequestAborted);
        var failures = await engine.ListRunRecordsAsync(context.Environment, new RunFilter { Statuses = Format.FailureStatuses, Size = 10 }, http.RequestAborted);
        return Layout.Page(context, context.Base, "Tasks", OverviewPages.Tasks(context, counts, failures));
    }

    private static async Task<IResult> TaskAsync(string taskId, HttpContext http, RunEngine engine, EnvironmentKeys keys, TimeProvider time)
    {
        var context = await ContextAsync(http, engine, keys, time, null);
        var counts = (await engine.CountRunsByTaskAsync(context.Environment, http.RequestAborted)).Where(c => c.TaskId == taskId).ToList();
        var failures = await engine.ListRunRecordsAsync(context.Environment, new RunFilter { Statuses = Format.FailureStatuses, TaskIds = [taskId], Size = 10 }, http.RequestAborted);
        return Layout.Page(context, context.Base, $"Task {taskId}", OverviewPages.Task(context, taskId, counts, failures));
    }

    private static async Task<IResult> QueuesAsync(HttpContext http, RunEngine engine, EnvironmentKeys keys, TimeProvider time)
    {
        var context = await ContextAsync(http, engine, keys, time, null);
        return Layout.Page(context, context.Base, "Queues", OverviewPages.Queues(context, await engine.GetQueueUsageAsync(context.Environment, http.RequestAborted)));
    }

    private static async Task<IResult> NotFoundAsync(HttpContext http, RunEngine engine, EnvironmentKeys keys, TimeProvider time, string message)
    {
        var context = await ContextAsync(http, engine, keys, time, null);
        return Layout.Page(context, context.Base, "Not found", Html.Of($"<h1>Not found</h1>{Layout.Problem(message)}"), StatusCodes.Status404NotFound);
    }

    /// <summary>The environment shown: the one of the run or batch on the page, else <c>?env=</c>, else the server's own key's.</summary>
    private static async Task<PageContext> ContextAsync(HttpContext http, RunEngine engine, EnvironmentKeys keys, TimeProvider time, EnvironmentRecord? of)
    {
        var environments = await engine.ListEnvironmentsAsync(http.RequestAborted);
        var wanted = http.Request.Query["env"].ToString();
        var current = of
            ?? environments.FirstOrDefault(e => e.Type == wanted)
            ?? environments.FirstOrDefault(e => e.ApiKey == keys.StartupKey)
            ?? environments[0];
        return new PageContext(http.Request.PathBase + BasePath, DashboardSessionFilter.CsrfOf(http), environments, current, time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    private static string? Notice(string? notice, string? from) => notice switch
    {
        "canceled" => "Run canceled.",
        "not-canceled" => "The run had already finished: nothing was canceled.",
        "rescheduled" => "Run rescheduled.",
        "replayed" when from is not null && RunIdPattern().IsMatch(from) => $"Replay of {from} triggered.",
        "replayed" => "Replay triggered.",
        _ => null,
    };

    private static string OriginalPayload(RunRecord run) => Format.PrettyJson(PayloadCodec.ToPlainJson(run.Payload, run.PayloadType));

    private static bool TryParseJson(string text, out JsonElement element)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            element = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            element = default;
            return false;
        }
    }

    /// <summary>Only paths inside the dashboard: never another site (an open redirect).</summary>
    private static string SafeReturnUrl(HttpContext http, string? returnUrl)
    {
        var basePath = http.Request.PathBase + BasePath;
        return returnUrl is { Length: > 0 } url && url.StartsWith(basePath + "/", StringComparison.Ordinal) && !url.Contains("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            ? url
            : basePath + "/runs";
    }

    private static IResult SeeOther(HttpContext http, string url)
    {
        http.Response.Headers.Location = url;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,64}$")]
    private static partial Regex RunIdPattern();
}
