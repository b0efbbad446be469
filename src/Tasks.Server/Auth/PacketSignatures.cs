using System.Security.Cryptography;
using System.Text;
using Tasks.Server.Storage;

namespace Tasks.Server.Auth;

/// <summary>
/// Presigned packet URLs: the upload carries no Authorization header (Trigger.dev's SDK sends none), so the URL itself is the
/// credential: the environment, the path and an expiry, signed with the environment's secret key.
/// </summary>
internal static class PacketSignatures
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static string Sign(EnvironmentRecord environment, string method, string path, long expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(environment.ApiKey), Encoding.UTF8.GetBytes($"{method}\n{environment.Id}\n{path}\n{expires}")));

    public static bool IsValid(EnvironmentRecord environment, string method, string path, long expires, string signature, DateTimeOffset now) =>
        expires >= now.ToUnixTimeSeconds()
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(environment, method, path, expires)), Encoding.ASCII.GetBytes(signature));
}
