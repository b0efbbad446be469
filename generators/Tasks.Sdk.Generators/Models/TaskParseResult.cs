namespace Tasks.Sdk.Generators.Models;

/// <summary>What the parser made of one <c>[Task]</c> method: a task, a diagnostic, or neither (code the compiler already rejects).</summary>
internal sealed record TaskParseResult(TaskMethodModel? Task, DiagnosticInfo? Diagnostic)
{
    public static TaskParseResult Skipped { get; } = new(null, null);

    public static TaskParseResult Valid(TaskMethodModel task) => new(task, null);

    public static TaskParseResult Invalid(DiagnosticInfo diagnostic) => new(null, diagnostic);
}
