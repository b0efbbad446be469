using Microsoft.CodeAnalysis;

namespace Tasks.Sdk.Generators.Diagnostics;

/// <summary>
/// The generator's diagnostics. TASK001-TASK009 are the "task shape" block: a [Task] the generator cannot turn into a
/// client and a dispatch entry. Each message names the method and says how to fix it.
/// </summary>
internal static class TaskDiagnostics
{
    private const string ShapeCategory = "TaskShape";

    /// <summary>{0} method, {1} the problem.</summary>
    public static readonly DiagnosticDescriptor InvalidTaskMethod = new(
        id: "TASK001",
        title: "Invalid task method signature",
        messageFormat: "Task method '{0}' {1}. A [Task] method takes one payload parameter, optionally a TaskContext and a CancellationToken, and returns Task, Task<T>, ValueTask or ValueTask<T>.",
        category: ShapeCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>{0} method, {1} class, {2} the problem.</summary>
    public static readonly DiagnosticDescriptor InvalidTaskClass = new(
        id: "TASK002",
        title: "Task method in a class the generated code cannot use",
        messageFormat: "Task method '{0}' cannot be dispatched because its class '{1}' {2}",
        category: ShapeCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>{0} id, {1} first method, {2} second method.</summary>
    public static readonly DiagnosticDescriptor DuplicateTaskId = new(
        id: "TASK003",
        title: "Duplicate task id",
        messageFormat: "Task id '{0}' is declared by both '{1}' and '{2}'; give each task a unique id",
        category: ShapeCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>{0} method.</summary>
    public static readonly DiagnosticDescriptor EmptyTaskId = new(
        id: "TASK004",
        title: "Empty task id",
        messageFormat: "Task method '{0}' has an empty id; pass a stable identifier such as [Task(\"resize-image\")]",
        category: ShapeCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>{0} generated name, {1} first method, {2} second method.</summary>
    public static readonly DiagnosticDescriptor GeneratedNameCollision = new(
        id: "TASK005",
        title: "Generated names collide",
        messageFormat: "'{1}' and '{2}' both map to the generated name '{0}'; rename one of them",
        category: ShapeCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);
}
