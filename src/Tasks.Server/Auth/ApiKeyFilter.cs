using Tasks.Server.Api;
using Tasks.Server.Storage;

namespace Tasks.Server.Auth;

/// <summary>Requires <c>Authorization: Bearer &lt;secret key&gt;</c> and puts the key's environment on the request.</summary>
internal sealed class ApiKeyFilter(EnvironmentKeys keys) : IEndpointFilter
{
    private const string EnvironmentItem = "tasks.environment";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        var key = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        if (key.Length == 0 || await keys.FindAsync(key, http.RequestAborted) is not { } environment)
        {
            await ApiErrors.WriteAsync(http, StatusCodes.Status401Unauthorized, "Invalid or Missing API Key");
            return null;
        }

        http.Items[EnvironmentItem] = environment;
        return await next(context);
    }

    public static EnvironmentRecord EnvironmentOf(HttpContext context) =>
        context.Items[EnvironmentItem] as EnvironmentRecord ?? throw new InvalidOperationException("The endpoint is not behind ApiKeyFilter.");
}
