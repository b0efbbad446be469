namespace Tasks.Sdk.Analyzers.Diagnostics;

/// <summary>
/// The analyzers' IDs, shared with the code fixes. TASK001-TASK099 belong to the generator (task shape);
/// TASK100-TASK199 are usage rules, TASK200-TASK299 security rules.
/// </summary>
internal static class DiagnosticIds
{
    public const string WaitOutsideTask = "TASK100";
    public const string ParallelWaits = "TASK101";
    public const string NonDeduplicatingIdempotencyKey = "TASK102";
    public const string TaskContextEscapes = "TASK103";
    public const string SdkInBrowserProject = "TASK200";
    public const string SecretKeyInSource = "TASK201";
}
