using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Tasks.Server.Hosting;

namespace Tasks.Server.Dashboard;

/// <summary>
/// The dashboard's sign-in: one dashboard token (configured, or generated once and kept with the data), exchanged for a signed,
/// expiring session cookie. Each session carries its own CSRF token, derived from the session, that every action must echo.
/// Secret keys and public access tokens are never accepted: they authenticate the API, not people.
/// </summary>
internal sealed class DashboardAuth(IOptions<TasksServerOptions> options, TimeProvider time)
{
    public const string SessionCookie = "tasks_dashboard_session";
    public const string SignInCookie = "tasks_dashboard_signin";
    public const string CsrfField = "_csrf";
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    private readonly Lazy<Keys> _keys = new(() => CreateKeys(ResolveToken(options.Value)));

    /// <summary>The token people sign in with.</summary>
    public string Token => _keys.Value.Token;

    /// <summary>Whether the token was generated (and kept in the data directory) rather than configured.</summary>
    public bool TokenIsGenerated => options.Value.DashboardToken is not { Length: > 0 } && Environment.GetEnvironmentVariable("TASKS_DASHBOARD_TOKEN") is not { Length: > 0 };

    public bool IsValidToken(string? candidate) =>
        candidate is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(Token));

    /// <summary>A new session: the cookie value, <c>v1.&lt;issued&gt;.&lt;nonce&gt;.&lt;mac&gt;</c>.</summary>
    public string NewSession()
    {
        var body = $"v1.{time.GetUtcNow().ToUnixTimeSeconds()}.{Base64Url(RandomNumberGenerator.GetBytes(18))}";
        return body + "." + Mac(_keys.Value.Session, body);
    }

    /// <summary>The session's nonce when the cookie is genuine and unexpired; otherwise null.</summary>
    public string? ValidateSession(string? cookie)
    {
        var parts = cookie?.Split('.');
        if (parts is not { Length: 4 } || parts[0] != "v1" || !long.TryParse(parts[1], out var issued))
        {
            return null;
        }

        var body = string.Join('.', parts, 0, 3);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(_keys.Value.Session, body)), Encoding.ASCII.GetBytes(parts[3])))
        {
            return null;
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued);
        return age < SessionLifetime && age > TimeSpan.FromMinutes(-5) ? parts[2] : null;
    }

    /// <summary>The CSRF token of a session (by its nonce): forms carry it, actions compare it.</summary>
    public string CsrfToken(string sessionNonce) => Mac(_keys.Value.Csrf, sessionNonce);

    public bool IsValidCsrf(string sessionNonce, string? candidate) =>
        candidate is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(CsrfToken(sessionNonce)), Encoding.ASCII.GetBytes(candidate));

    public static string NewSignInNonce() => Base64Url(RandomNumberGenerator.GetBytes(18));

    /// <summary>Cookie settings: HttpOnly, SameSite=Strict, Secure over HTTPS, scoped to the dashboard's path.</summary>
    public static CookieOptions CookieOptions(HttpContext context, TimeSpan? lifetime) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = context.Request.PathBase + DashboardEndpoints.BasePath,
        MaxAge = lifetime,
        IsEssential = true,
    };

    private static string ResolveToken(TasksServerOptions options)
    {
        if (options.DashboardToken is { Length: > 0 } configured)
        {
            return configured;
        }

        if (Environment.GetEnvironmentVariable("TASKS_DASHBOARD_TOKEN") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        // Generated once and kept beside the SQLite file, so it survives restarts; servers sharing PostgreSQL should configure one.
        var path = Path.Combine(options.DataDirectory, "dashboard-token");
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } kept)
        {
            return kept;
        }

        var token = "tdb_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        Directory.CreateDirectory(options.DataDirectory);
        File.WriteAllText(path, token);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return token;
    }

    private static Keys CreateKeys(string token)
    {
        var secret = Encoding.UTF8.GetBytes(token);
        return new Keys(
            token,
            HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "tasks-dashboard-session"u8.ToArray()),
            HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "tasks-dashboard-csrf"u8.ToArray()));
    }

    private static string Mac(byte[] key, string text) => Base64Url(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record Keys(string Token, byte[] Session, byte[] Csrf);
}
