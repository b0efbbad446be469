using System.Linq;
using Microsoft.CodeAnalysis;

namespace Tasks.Sdk.Analyzers.Common;

/// <summary>The SDK and BCL types the rules match on, resolved once per compilation. Null when the SDK is not referenced.</summary>
internal sealed class SdkSymbols
{
    private SdkSymbols(Compilation compilation, INamedTypeSymbol taskAttribute, INamedTypeSymbol taskContext, INamedTypeSymbol waitsForRunAttribute)
    {
        TaskAttribute = taskAttribute;
        TaskContext = taskContext;
        WaitsForRunAttribute = waitsForRunAttribute;
        TriggerOptions = compilation.GetTypeByMetadataName("Tasks.Sdk.TriggerOptions");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskFactory = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskFactory");
        Parallel = compilation.GetTypeByMetadataName("System.Threading.Tasks.Parallel");
        ThreadPool = compilation.GetTypeByMetadataName("System.Threading.ThreadPool");
        ThreadingTimer = compilation.GetTypeByMetadataName("System.Threading.Timer");
        TimersTimer = compilation.GetTypeByMetadataName("System.Timers.Timer");
    }

    public INamedTypeSymbol TaskAttribute { get; }
    public INamedTypeSymbol TaskContext { get; }
    public INamedTypeSymbol WaitsForRunAttribute { get; }
    public INamedTypeSymbol? TriggerOptions { get; }
    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? TaskFactory { get; }
    public INamedTypeSymbol? Parallel { get; }
    public INamedTypeSymbol? ThreadPool { get; }
    public INamedTypeSymbol? ThreadingTimer { get; }
    public INamedTypeSymbol? TimersTimer { get; }

    public static SdkSymbols? Create(Compilation compilation)
    {
        var taskAttribute = compilation.GetTypeByMetadataName("Tasks.Sdk.TaskAttribute");
        var taskContext = compilation.GetTypeByMetadataName("Tasks.Sdk.TaskContext");
        var waitsForRun = compilation.GetTypeByMetadataName("Tasks.Sdk.WaitsForRunAttribute");
        return taskAttribute is null || taskContext is null || waitsForRun is null
            ? null
            : new SdkSymbols(compilation, taskAttribute, taskContext, waitsForRun);
    }

    /// <summary>An API marked [WaitsForRun]: it suspends the calling run, so it needs a running task.</summary>
    public bool IsWaitingMethod(IMethodSymbol method) =>
        method.OriginalDefinition.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, WaitsForRunAttribute));

    /// <summary>A method a task runs in: a [Task] method, or one that receives the run's TaskContext.</summary>
    public bool IsTaskScope(IMethodSymbol method) =>
        method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, TaskAttribute))
        || method.Parameters.Any(p => IsTaskContext(p.Type));

    public bool IsTaskContext(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, TaskContext);

    /// <summary>Task.WhenAll/WhenAny/WaitAll/WaitAny: they run their tasks side by side.</summary>
    public bool IsTaskCombinator(IMethodSymbol method) =>
        SymbolEqualityComparer.Default.Equals(method.ContainingType, Task)
        && method.Name is "WhenAll" or "WhenAny" or "WaitAll" or "WaitAny";

    /// <summary>APIs that run a delegate on another thread, alongside the caller: Task.Run, TaskFactory.StartNew, Parallel.*, ThreadPool.</summary>
    public bool RunsDelegateInParallel(IMethodSymbol method)
    {
        var type = method.ContainingType;
        return (SymbolEqualityComparer.Default.Equals(type, Task) && method.Name == "Run")
            || (SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, TaskFactory) && method.Name == "StartNew")
            || SymbolEqualityComparer.Default.Equals(type, Parallel)
            || (SymbolEqualityComparer.Default.Equals(type, ThreadPool) && method.Name.EndsWith("QueueUserWorkItem", System.StringComparison.Ordinal));
    }

    /// <summary>A timer type: its callback runs later, after the run may have ended.</summary>
    public bool IsTimer(ITypeSymbol? type) =>
        SymbolEqualityComparer.Default.Equals(type, ThreadingTimer) || SymbolEqualityComparer.Default.Equals(type, TimersTimer);
}
