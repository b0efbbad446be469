using Microsoft.CodeAnalysis;

namespace Tasks.Sdk.Generators.Diagnostics;

/// <summary>
/// Every diagnostic of the generator's analyzer, in blocks by concern: TASK001-TASK009 task shape, TASK010-TASK019 task
/// options, TASK020-TASK029 serialization. Each message names the symbol and says how to fix it; each ID has a page under
/// <c>docs/diagnostics/</c>. Analyzer IDs from TASK100 on belong to the SDK's usage analyzers.
/// </summary>
internal static class TaskDiagnostics
{
    private const string ShapeCategory = "TaskShape";
    private const string OptionsCategory = "TaskOptions";
    private const string SerializationCategory = "TaskSerialization";
    private const string HelpRoot = "https://github.com/tasks-sdk/tasks-sdk/blob/main/docs/diagnostics/";

    /// <summary>{0} method, {1} the problem and its fix.</summary>
    public static readonly DiagnosticDescriptor UnsupportedSignature = Create(
        "TASK001",
        "Unsupported task method signature",
        "Task method '{0}' {1}",
        ShapeCategory);

    /// <summary>{0} method, {1} the problem and its fix.</summary>
    public static readonly DiagnosticDescriptor UnreachableTask = Create(
        "TASK002",
        "Task the generated dispatch table cannot reach",
        "Task method '{0}' cannot be dispatched: {1}",
        ShapeCategory);

    /// <summary>{0} id, {1} method keeping the id, {2} method reported.</summary>
    public static readonly DiagnosticDescriptor DuplicateTaskId = Create(
        "TASK003",
        "Duplicate task id",
        "Task id '{0}' is already used by '{1}'; give '{2}' an id of its own",
        ShapeCategory,
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>{0} method, {1} the id, {2} the problem.</summary>
    public static readonly DiagnosticDescriptor InvalidTaskId = Create(
        "TASK004",
        "Invalid task id",
        "Task method '{0}' has the id {1}, which {2}; use letters, digits and - _ . : / (at most 128 characters), e.g. [Task(\"resize-image\")]",
        ShapeCategory);

    /// <summary>{0} generated name, {1} method or type keeping it, {2} the one reported.</summary>
    public static readonly DiagnosticDescriptor GeneratedNameCollision = Create(
        "TASK005",
        "Generated names collide",
        "'{2}' maps to the generated name '{0}', already taken by '{1}'; rename one of them",
        ShapeCategory,
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>{0} method, {1} option, {2} the problem and its fix.</summary>
    public static readonly DiagnosticDescriptor InvalidOptionValue = Create(
        "TASK010",
        "Invalid task option value",
        "Task method '{0}' sets {1} {2}",
        OptionsCategory);

    /// <summary>{0} method, {1} "payload" or "output", {2} the type, {3} why.</summary>
    public static readonly DiagnosticDescriptor UnserializableType = Create(
        "TASK020",
        "Task payload or output cannot be serialized",
        "Task method '{0}' has the {1} type '{2}', which System.Text.Json cannot round-trip: {3}",
        SerializationCategory);

    /// <summary>{0} the type, {1} method, {2} "payload" or "output", {3} the context(s).</summary>
    public static readonly DiagnosticDescriptor MissingFromJsonContext = new(
        id: "TASK021",
        title: "Task type missing from the JsonSerializerContext",
        messageFormat: "'{0}', the {2} type of task method '{1}', is not in {3}; this project is trimmed or AOT-compiled, so add [JsonSerializable(typeof({0}))] to the context",
        category: SerializationCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpRoot + "TASK021.md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, params string[] tags) => new(
        id,
        title,
        message,
        category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpRoot + id + ".md",
        customTags: tags);
}
