namespace Tasks.Sdk.Generators.Models;

/// <summary>All valid tasks of the assembly, grouped for emission, plus the tasks left out because they clash with another.</summary>
/// <param name="Tasks">Every task declared in a class, in the order of the dispatch table.</param>
/// <param name="Clients">One client per task class or contract interface, ordered by name.</param>
/// <param name="Contracts">One registration per contract interface, ordered by name.</param>
/// <param name="Rejections">Tasks left out of the output (duplicate ids, colliding generated names), for the analyzer to report.</param>
internal sealed record TaskCatalog(
    EquatableArray<TaskMethodModel> Tasks,
    EquatableArray<TaskClientModel> Clients,
    EquatableArray<ContractModel> Contracts,
    EquatableArray<TaskRejection> Rejections);

/// <summary>A contract interface: its client, and its tasks dispatched through whatever implementation the worker registers.</summary>
/// <param name="Client">The generated client of the contract.</param>
/// <param name="Tasks">The contract's tasks in declaration order.</param>
internal sealed record ContractModel(TaskClientModel Client, EquatableArray<TaskMethodModel> Tasks)
{
    /// <summary>The public static class holding the contract's definitions and registration methods.</summary>
    public string RegistrationClassName => $"{Client.TaskClass.ClientBaseName}Contract";

    public string HintName => Client.HintName.Replace("Client.g.cs", "Contract.g.cs");
}

/// <summary>Why a task was left out of the generated code.</summary>
internal enum TaskRejectionKind
{
    /// <summary>Another task already has its id.</summary>
    DuplicateId,

    /// <summary>Its client property or client type name is already taken.</summary>
    NameCollision,
}

/// <summary>One task left out of the generated code.</summary>
/// <param name="Index">The task's position in the catalog's input, so the analyzer can find its location.</param>
/// <param name="Kind">Why it was left out.</param>
/// <param name="Name">The id or generated name that clashes.</param>
/// <param name="KeptBy">The method or type that keeps the id or name.</param>
internal sealed record TaskRejection(int Index, TaskRejectionKind Kind, string Name, string KeptBy);
