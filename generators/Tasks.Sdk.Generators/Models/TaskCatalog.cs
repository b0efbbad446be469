namespace Tasks.Sdk.Generators.Models;

/// <summary>All valid tasks of the assembly, grouped for emission, plus the problems found only by looking at them together.</summary>
/// <param name="Tasks">Every task, in the order of the dispatch table.</param>
/// <param name="Clients">One client per task class, ordered by class name.</param>
/// <param name="Diagnostics">Duplicate ids and name collisions.</param>
internal sealed record TaskCatalog(
    EquatableArray<TaskMethodModel> Tasks,
    EquatableArray<TaskClientModel> Clients,
    EquatableArray<DiagnosticInfo> Diagnostics);
