namespace Tasks.Server.Dashboard;

/// <summary>
/// Guards every signed-in dashboard endpoint: a genuine, unexpired session cookie, or a redirect to sign-in (401 for scripts and
/// actions). Anything but GET must also come from this origin and carry the session's CSRF token in its form.
/// </summary>
internal sealed class DashboardSessionFilter(DashboardAuth auth) : IEndpointFilter
{
    private const string CsrfItem = "tasks.dashboard.csrf";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (auth.ValidateSession(request.Cookies[DashboardAuth.SessionCookie]) is not { } session)
        {
            if (HttpMethods.IsGet(request.Method) && !request.Headers.ContainsKey(DashboardEndpoints.LiveHeader))
            {
                var returnUrl = request.PathBase + request.Path + request.QueryString;
                return Results.Redirect($"{request.PathBase}{DashboardEndpoints.BasePath}/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}");
            }

            return Results.Text("Sign in to the dashboard first.", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (!HttpMethods.IsGet(request.Method))
        {
            if (!IsSameOrigin(request))
            {
                return Results.Text("Cross-origin requests cannot act on the dashboard.", statusCode: StatusCodes.Status403Forbidden);
            }

            var token = request.HasFormContentType ? (await request.ReadFormAsync(http.RequestAborted))[DashboardAuth.CsrfField].ToString() : null;
            if (!auth.IsValidCsrf(session, token))
            {
                return Results.Text("The form's CSRF token is missing or wrong: reload the page and try again.", statusCode: StatusCodes.Status403Forbidden);
            }
        }

        http.Items[CsrfItem] = auth.CsrfToken(session);
        return await next(context);
    }

    public static string CsrfOf(HttpContext context) =>
        context.Items[CsrfItem] as string ?? throw new InvalidOperationException("The endpoint is not behind DashboardSessionFilter.");

    /// <summary>Browsers send <c>Origin</c> on every POST; when present it must be this server. Without it the CSRF token still decides.</summary>
    public static bool IsSameOrigin(HttpRequest request) =>
        request.Headers.Origin.ToString() is not { Length: > 0 } origin
        || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
}
