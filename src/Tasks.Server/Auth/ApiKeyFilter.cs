using Tasks.Server.Api;
using Tasks.Server.Storage;

namespace Tasks.Server.Auth;

/// <summary>
/// Requires <c>Authorization: Bearer &lt;secret key&gt;</c> and puts the key's environment on the request. Endpoints marked
/// <see cref="PublicTokenAllowed"/> also take a public access token; its scopes then travel with the request.
/// </summary>
internal sealed class ApiKeyFilter(EnvironmentKeys keys, TimeProvider time) : IEndpointFilter
{
    private const string CallerItem = "tasks.caller";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        var credential = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        var caller = await AuthenticateAsync(credential, http.RequestAborted);
        if (caller is null)
        {
            await ApiErrors.WriteAsync(http, StatusCodes.Status401Unauthorized, "Invalid or Missing API Key");
            return null;
        }

        if (caller.Scopes is not null && http.GetEndpoint()?.Metadata.GetMetadata<PublicTokenAllowed>() is null)
        {
            await ApiErrors.WriteAsync(http, StatusCodes.Status401Unauthorized, "This endpoint needs a secret key; public access tokens can only read the runs and batches they name.");
            return null;
        }

        http.Items[CallerItem] = caller;
        return await next(context);
    }

    public static EnvironmentRecord EnvironmentOf(HttpContext context) => CallerOf(context).Environment;

    /// <summary>Refuses (403) a public access token that does not carry one of <paramref name="scopes"/>; secret keys pass.</summary>
    public static void RequireScope(HttpContext context, string what, params ReadOnlySpan<string?> scopes)
    {
        if (CallerOf(context).Scopes is not { } granted)
        {
            return;
        }

        foreach (var scope in scopes)
        {
            if (scope is not null && granted.Contains(scope))
            {
                return;
            }
        }

        throw new Engine.ApiProblem(StatusCodes.Status403Forbidden, $"This public access token cannot read {what}.");
    }

    private static Caller CallerOf(HttpContext context) =>
        context.Items[CallerItem] as Caller ?? throw new InvalidOperationException("The endpoint is not behind ApiKeyFilter.");

    private async ValueTask<Caller?> AuthenticateAsync(string credential, CancellationToken cancellationToken)
    {
        if (credential.Length == 0)
        {
            return null;
        }

        if (!PublicTokens.LooksLikeToken(credential))
        {
            return await keys.FindAsync(credential, cancellationToken) is { } environment ? new Caller(environment, null) : null;
        }

        if (PublicTokens.ClaimedEnvironment(credential) is not { } environmentId || await keys.FindByIdAsync(environmentId, cancellationToken) is not { } claimed)
        {
            return null;
        }

        return PublicTokens.Verify(credential, claimed, time.GetUtcNow()) is { } scopes ? new Caller(claimed, scopes) : null;
    }

    /// <summary>Who is calling: an environment, and the scopes when it is a public access token rather than a secret key.</summary>
    private sealed record Caller(EnvironmentRecord Environment, IReadOnlyList<string>? Scopes);
}

/// <summary>Endpoint metadata: a public access token may call this endpoint (scope checks happen inside).</summary>
internal sealed class PublicTokenAllowed
{
    public static readonly PublicTokenAllowed Instance = new();
}
