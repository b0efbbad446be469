using System.Security.Cryptography;
using System.Text;

namespace Tasks.Sdk;

/// <summary>Hashes idempotency keys the way Trigger.dev's SDK does, so keys from Node and C# callers deduplicate together.</summary>
internal static class IdempotencyKeys
{
    public static string Hash(string key, IdempotencyKeyScope scope, TaskContext? parent)
    {
        var material = (scope, parent) switch
        {
            (IdempotencyKeyScope.Run, { } p) => $"{key}-{p.RunId}",
            (IdempotencyKeyScope.Attempt, { } p) => $"{key}-{p.RunId}-{p.Attempt}",
            _ => key,
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }

    public static string ScopeName(IdempotencyKeyScope scope) => scope switch
    {
        IdempotencyKeyScope.Attempt => "attempt",
        IdempotencyKeyScope.Global => "global",
        _ => "run",
    };
}
