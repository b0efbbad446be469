using Microsoft.CodeAnalysis;

namespace Tasks.Sdk.Analyzers.Diagnostics;

/// <summary>Every analyzer rule, in one place. Each message names the symbol and says how to fix it; each links to its page.</summary>
internal static class AnalyzerDiagnostics
{
    private const string UsageCategory = "Usage";
    private const string SecurityCategory = "Security";

    /// <summary>{0} waiting method, {1} enclosing member.</summary>
    public static readonly DiagnosticDescriptor WaitOutsideTask = Create(
        DiagnosticIds.WaitOutsideTask,
        "Waiting for a run outside a task",
        "'{0}' waits for a run, but '{1}' is not a task: add a TaskContext parameter to '{1}' so only a task can call it, or use TriggerAsync/BatchTriggerAsync and poll the handle",
        UsageCategory,
        DiagnosticSeverity.Error);

    /// <summary>{0} waiting method, {1} what makes the waits parallel.</summary>
    public static readonly DiagnosticDescriptor ParallelWaits = Create(
        DiagnosticIds.ParallelWaits,
        "Parallel waits in one run",
        "'{0}' runs {1}, so the run would wait on several things at once, which fails at run time; await each wait in turn, or wait on many runs with one BatchTriggerAndWaitAsync",
        UsageCategory,
        DiagnosticSeverity.Error);

    /// <summary>{0} the changing source.</summary>
    public static readonly DiagnosticDescriptor NonDeduplicatingIdempotencyKey = Create(
        DiagnosticIds.NonDeduplicatingIdempotencyKey,
        "Idempotency key that cannot deduplicate",
        "IdempotencyKey is built from '{0}', which changes on every call, so a repeated trigger makes a second run; derive the key from the payload or the business operation (e.g. $\"order-{{order.Id}}\")",
        UsageCategory,
        DiagnosticSeverity.Warning);

    /// <summary>{0} the context's name, {1} where it escapes to.</summary>
    public static readonly DiagnosticDescriptor TaskContextEscapes = Create(
        DiagnosticIds.TaskContextEscapes,
        "TaskContext escapes its run",
        "TaskContext '{0}' escapes its run: {1}; it is valid only while the run executes, so pass it as a parameter to the code that needs it, or copy the values you need (RunId, Attempt)",
        UsageCategory,
        DiagnosticSeverity.Warning);

    /// <summary>{0} the project's assembly.</summary>
    public static readonly DiagnosticDescriptor SdkInBrowserProject = Create(
        DiagnosticIds.SdkInBrowserProject,
        "Tasks.Sdk in a Blazor WebAssembly project",
        "'{0}' is a Blazor WebAssembly project and references Tasks.Sdk: its code and secret key would ship to every browser; trigger tasks from a server endpoint, and read run status in the browser with the run's public access token",
        SecurityCategory,
        DiagnosticSeverity.Error,
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>{0} the key's prefix.</summary>
    public static readonly DiagnosticDescriptor SecretKeyInSource = Create(
        DiagnosticIds.SecretKeyInSource,
        "Secret key in source",
        "This string contains a secret key ('{0}…'): anyone who reads the source can trigger runs; read the key from configuration (TRIGGER_SECRET_KEY or TasksClientOptions) and rotate this one",
        SecurityCategory,
        DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, params string[] tags) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLink(id), customTags: tags);

    /// <summary>The rule's page in the repository's docs/diagnostics folder.</summary>
    public static string HelpLink(string id) => $"https://github.com/tasks-sdk/tasks-sdk/blob/main/docs/diagnostics/{id}.md";
}
