namespace Tasks.Sdk.Generators.Emitting;

/// <summary>Fully qualified names the generated code refers to, in one place.</summary>
internal static class GeneratedNames
{
    public const string TaskClient = "global::Tasks.Sdk.TaskClient";
    public const string TasksClient = "global::Tasks.Sdk.TasksClient";
    public const string TaskDefinition = "global::Tasks.Sdk.TaskDefinition";
    public const string TaskOptions = "global::Tasks.Sdk.TaskOptions";
    public const string ServiceCollection = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";
    public const string ServiceProviderExtensions = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions";
    public const string DescriptorExtensions = "global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions";
    public const string TasksServiceCollectionExtensions = "global::Microsoft.Extensions.DependencyInjection.TasksServiceCollectionExtensions";

    public const string TaskTableNamespace = "Tasks.Sdk.Generated";
    public const string TaskTableClass = "GeneratedTaskTable";
    public const string TaskTable = "global::" + TaskTableNamespace + "." + TaskTableClass;
    public const string ServiceCollectionExtensionsClass = "GeneratedTasksServiceCollectionExtensions";

    public static readonly string GeneratedCodeAttribute =
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"Tasks.Sdk.Generators\", \"{typeof(GeneratedNames).Assembly.GetName().Version}\")]";

    /// <summary><c>TaskClient&lt;TPayload, TOutput&gt;</c>, or <c>TaskClient&lt;TPayload&gt;</c> for a task without output.</summary>
    public static string TaskClientOf(string payloadType, string? outputType) =>
        outputType is null ? $"{TaskClient}<{payloadType}>" : $"{TaskClient}<{payloadType}, {outputType}>";
}
