using System.Security.Cryptography;

namespace Tasks.Server.Engine;

/// <summary>Trigger.dev-style friendly ids: a prefix and 24 lowercase alphanumerics (<c>run_…</c>, <c>batch_…</c>).</summary>
internal static class RunIds
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static string NewRunId() => "run_" + RandomSuffix(24);

    public static string NewBatchId() => "batch_" + RandomSuffix(24);

    public static string NewEnvironmentId() => "env_" + RandomSuffix(24);

    public static string RandomSuffix(int length) => RandomNumberGenerator.GetString(Alphabet, length);

    public static bool IsBatchId(string id) => id.StartsWith("batch_", StringComparison.Ordinal);
}
