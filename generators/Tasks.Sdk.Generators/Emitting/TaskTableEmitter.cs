using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Tasks.Sdk.Generators.Models;

namespace Tasks.Sdk.Generators.Emitting;

/// <summary>Writes <c>GeneratedTaskTable.All</c>: one <c>TaskDefinition</c> per task with an invoker that calls the method directly.</summary>
internal static class TaskTableEmitter
{
    public const string HintName = "GeneratedTaskTable.g.cs";

    public static string Emit(EquatableArray<TaskMethodModel> tasks)
    {
        var writer = new SourceWriter();
        writer.WriteFileHeader();
        writer.OpenNamespace(GeneratedNames.TaskTableNamespace);
        writer.WriteLine("/// <summary>The tasks of this assembly and how to invoke each without reflection.</summary>");
        writer.WriteLine(GeneratedNames.GeneratedCodeAttribute);
        writer.OpenBlock($"internal static class {GeneratedNames.TaskTableClass}");
        writer.WriteLine("/// <summary>Every task of this assembly.</summary>");
        var allHeader = $"public static global::System.Collections.Generic.IReadOnlyList<{GeneratedNames.TaskDefinition}> All {{ get; }} =";
        if (tasks.Count == 0)
        {
            // An empty array initializer has no element type to infer; Array.Empty keeps a task-less project compiling.
            writer.WriteLine($"{allHeader} global::System.Array.Empty<{GeneratedNames.TaskDefinition}>();");
        }
        else
        {
            writer.WriteLine($"{allHeader} new {GeneratedNames.TaskDefinition}[]");
            WriteDefinitions(writer, tasks);
        }

        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>The <c>{ new TaskDefinition(...), ... };</c> initializer of a non-empty list of tasks.</summary>
    public static void WriteDefinitions(SourceWriter writer, EquatableArray<TaskMethodModel> tasks)
    {
        writer.OpenBlock();
        foreach (var task in tasks)
        {
            WriteDefinition(writer, task);
        }

        writer.CloseBlock(";");
    }

    private static void WriteDefinition(SourceWriter writer, TaskMethodModel task)
    {
        var id = SymbolDisplay.FormatLiteral(task.TaskId, quote: true);
        writer.WriteLine($"new {GeneratedNames.TaskDefinition}({id}, {Options(task)}, static async invocation =>");
        writer.OpenBlock();
        writer.WriteLine($"var payload = invocation.DeserializePayload<{task.PayloadType}>();");
        string receiver;
        if (task.IsStatic)
        {
            receiver = task.ContainingType.FullName;
        }
        else
        {
            writer.WriteLine($"var target = {GeneratedNames.ServiceProviderExtensions}.GetRequiredService<{task.ContainingType.FullName}>(invocation.Services);");
            receiver = "target";
        }

        var call = $"{receiver}.{task.MethodName}({string.Join(", ", task.Parameters.Select(Argument))})";
        if (task.OutputType is null)
        {
            writer.WriteLine($"await {call};");
            writer.WriteLine("return null;");
        }
        else
        {
            writer.WriteLine($"var output = await {call};");
            writer.WriteLine($"return invocation.SerializeOutput<{task.OutputType}>(output);");
        }

        writer.CloseBlock("),");
    }

    private static string Options(TaskMethodModel task) => task.Options.Count == 0
        ? $"new {GeneratedNames.TaskOptions}()"
        : $"new {GeneratedNames.TaskOptions} {{ {string.Join(", ", task.Options.Select(o => $"{o.Name} = {o.Literal}"))} }}";

    private static string Argument(TaskParameterKind kind) => kind switch
    {
        TaskParameterKind.Context => "invocation.Context",
        TaskParameterKind.CancellationToken => "invocation.CancellationToken",
        _ => "payload",
    };
}
