using Tasks.Sdk.Generators.Models;

namespace Tasks.Sdk.Generators.Emitting;

/// <summary>Writes <c>services.AddGeneratedTasks()</c>: task classes, typed clients and every task definition, in one call.</summary>
internal static class ServiceCollectionEmitter
{
    public const string HintName = "GeneratedTasksServiceCollectionExtensions.g.cs";

    public static string Emit(ServiceRegistrationModel registrations)
    {
        var writer = new SourceWriter();
        writer.WriteFileHeader();
        writer.OpenNamespace("Microsoft.Extensions.DependencyInjection");
        writer.WriteLine("/// <summary>Registers the tasks this assembly declares.</summary>");
        writer.WriteLine(GeneratedNames.GeneratedCodeAttribute);
        writer.OpenBlock($"internal static class {GeneratedNames.ServiceCollectionExtensionsClass}");
        writer.WriteLine("/// <summary>Registers this assembly's task classes (scoped), typed task clients (singletons) and task definitions.</summary>");
        writer.WriteLine("/// <param name=\"services\">The service collection.</param>");
        writer.WriteLine("/// <returns>The same service collection.</returns>");
        writer.OpenBlock($"public static {GeneratedNames.ServiceCollection} AddGeneratedTasks(this {GeneratedNames.ServiceCollection} services)");
        foreach (var taskClass in registrations.TaskClasses)
        {
            writer.WriteLine($"{GeneratedNames.DescriptorExtensions}.TryAddScoped<{taskClass}>(services);");
        }

        foreach (var client in registrations.Clients)
        {
            writer.WriteLine($"{GeneratedNames.DescriptorExtensions}.TryAddSingleton<{client.InterfaceFullName}, {client.ClassFullName}>(services);");
        }

        writer.OpenBlock($"foreach (var definition in {GeneratedNames.TaskTable}.All)");
        writer.WriteLine($"{GeneratedNames.TasksServiceCollectionExtensions}.AddTaskDefinition(services, definition);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return services;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }
}
