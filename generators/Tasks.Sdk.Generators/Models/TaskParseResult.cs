using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Tasks.Sdk.Generators.Models;

/// <summary>
/// What the parser made of one <c>[Task]</c> method: a task, or the problems that keep it from being one (none for code the
/// compiler already rejects). The generator keeps only <see cref="Task"/>; the analyzer reports <see cref="Problems"/>.
/// </summary>
internal sealed class TaskParseResult(TaskMethodModel? task, IReadOnlyList<Diagnostic> problems)
{
    private static readonly Diagnostic[] None = [];

    public static TaskParseResult Skipped { get; } = new(null, None);

    public TaskMethodModel? Task { get; } = task;

    public IReadOnlyList<Diagnostic> Problems { get; } = problems;

    public static TaskParseResult Valid(TaskMethodModel task) => new(task, None);
}
