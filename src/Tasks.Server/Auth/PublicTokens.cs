using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tasks.Server.Storage;

namespace Tasks.Server.Auth;

/// <summary>
/// Trigger.dev's public access tokens: HS256 JWTs signed with the environment's secret key, <c>pub: true</c>, and scopes such as
/// <c>read:runs:&lt;id&gt;</c> or <c>read:batch:&lt;id&gt;</c>. Safe to hand to a browser: they can only read what they name.
/// </summary>
internal static class PublicTokens
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private const string Issuer = "https://id.trigger.dev";
    private const string Audience = "https://api.trigger.dev";

    public static string Create(EnvironmentRecord environment, IReadOnlyList<string> scopes, DateTimeOffset now)
    {
        var header = Base64Url(Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}"""));
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("sub", environment.Id);
            json.WriteBoolean("pub", true);
            json.WriteStartArray("scopes");
            foreach (var scope in scopes)
            {
                json.WriteStringValue(scope);
            }

            json.WriteEndArray();
            json.WriteString("iss", Issuer);
            json.WriteString("aud", Audience);
            json.WriteNumber("iat", now.ToUnixTimeSeconds());
            json.WriteNumber("exp", (now + Lifetime).ToUnixTimeSeconds());
            json.WriteEndObject();
        }

        var unsigned = header + "." + Base64Url(buffer.WrittenSpan);
        return unsigned + "." + Sign(unsigned, environment.ApiKey);
    }

    public static bool LooksLikeToken(string credential) => credential.Count(c => c == '.') == 2 && !credential.StartsWith("tr_", StringComparison.Ordinal);

    /// <summary>The environment id the token claims to belong to, before its signature is checked.</summary>
    public static string? ClaimedEnvironment(string token) => ReadPayload(token) is { } payload && payload.RootElement.TryGetProperty("sub", out var sub)
        ? sub.GetString()
        : null;

    /// <summary>The token's scopes when its signature matches the environment's key and it has not expired; null otherwise.</summary>
    public static IReadOnlyList<string>? Verify(string token, EnvironmentRecord environment, DateTimeOffset now)
    {
        var lastDot = token.LastIndexOf('.');
        var expected = Sign(token[..lastDot], environment.ApiKey);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(token[(lastDot + 1)..])))
        {
            return null;
        }

        using var payload = ReadPayload(token);
        var root = payload?.RootElement;
        if (root is not { } claims
            || !claims.TryGetProperty("pub", out var pub) || pub.ValueKind != JsonValueKind.True
            || !claims.TryGetProperty("exp", out var exp) || exp.GetInt64() < now.ToUnixTimeSeconds()
            || !claims.TryGetProperty("scopes", out var scopes) || scopes.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return scopes.EnumerateArray().Select(s => s.GetString() ?? "").ToList();
    }

    private static JsonDocument? ReadPayload(string token)
    {
        var parts = token.Split('.');
        try
        {
            return parts.Length == 3 ? JsonDocument.Parse(Base64UrlDecode(parts[1])) : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private static string Sign(string unsigned, string key) =>
        Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(unsigned)));

    private static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }
}
