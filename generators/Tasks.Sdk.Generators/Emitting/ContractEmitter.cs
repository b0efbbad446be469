using Tasks.Sdk.Generators.Models;

namespace Tasks.Sdk.Generators.Emitting;

/// <summary>
/// Writes <c>{Contract}Contract</c> for a contract interface: its task definitions, dispatched to the implementation the
/// worker registers, and two registrations, <c>Add{Contract}Client()</c> for a service that only triggers and
/// <c>Add{Contract}&lt;TImplementation&gt;()</c> for the worker. Neither side needs the other's code.
/// </summary>
internal static class ContractEmitter
{
    private const string DynamicallyAccessed =
        "[global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)]";

    public static string Emit(ContractModel contract)
    {
        var client = contract.Client;
        var contractType = client.TaskClass.FullName;
        var accessibility = client.IsPublic ? "public" : "internal";
        var baseName = client.TaskClass.ClientBaseName;
        var writer = new SourceWriter();
        writer.WriteFileHeader();
        var inNamespace = writer.OpenNamespace(client.TaskClass.Namespace);

        writer.WriteLine($"/// <summary>");
        writer.WriteLine($"/// Registrations of the <see cref=\"{contractType}\"/> contract: <see cref=\"Add{baseName}Client\"/> in a service that only");
        writer.WriteLine($"/// triggers its tasks, <see cref=\"Add{baseName}{{TImplementation}}\"/> in the worker that runs them.");
        writer.WriteLine($"/// </summary>");
        writer.WriteLine(GeneratedNames.GeneratedCodeAttribute);
        writer.OpenBlock($"{accessibility} static class {contract.RegistrationClassName}");

        writer.WriteLine($"/// <summary>The contract's tasks, each dispatched to the <see cref=\"{contractType}\"/> registered in the run's scope.</summary>");
        writer.WriteLine($"public static global::System.Collections.Generic.IReadOnlyList<{GeneratedNames.TaskDefinition}> Definitions {{ get; }} = new {GeneratedNames.TaskDefinition}[]");
        TaskTableEmitter.WriteDefinitions(writer, contract.Tasks);
        writer.WriteLine();

        writer.WriteLine($"/// <summary>Registers <see cref=\"{client.InterfaceName}\"/> (singleton) to trigger the contract's tasks; pair it with <c>AddTasksClient()</c>.</summary>");
        writer.WriteLine("/// <param name=\"services\">The service collection.</param>");
        writer.WriteLine("/// <returns>The same service collection.</returns>");
        writer.OpenBlock($"public static {GeneratedNames.ServiceCollection} Add{baseName}Client(this {GeneratedNames.ServiceCollection} services)");
        writer.WriteLine($"{GeneratedNames.DescriptorExtensions}.TryAddSingleton<{client.InterfaceFullName}, {client.ClassFullName}>(services);");
        writer.WriteLine("return services;");
        writer.CloseBlock();
        writer.WriteLine();

        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Runs the contract's tasks in this process: registers <typeparamref name=\"TImplementation\"/> (scoped, one per run),");
        writer.WriteLine($"/// the task definitions and <see cref=\"{client.InterfaceName}\"/>; pair it with <c>AddTasksWorker()</c>.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <typeparam name=\"TImplementation\">The class implementing the contract.</typeparam>");
        writer.WriteLine("/// <param name=\"services\">The service collection.</param>");
        writer.WriteLine("/// <returns>The same service collection.</returns>");
        writer.WriteLine($"public static {GeneratedNames.ServiceCollection} Add{baseName}<{DynamicallyAccessed} TImplementation>(this {GeneratedNames.ServiceCollection} services)");
        writer.WriteLine($"    where TImplementation : class, {contractType}");
        writer.OpenBlock();
        writer.WriteLine($"{GeneratedNames.DescriptorExtensions}.TryAddScoped<{contractType}, TImplementation>(services);");
        writer.WriteLine($"Add{baseName}Client(services);");
        writer.OpenBlock("foreach (var definition in Definitions)");
        writer.WriteLine($"{GeneratedNames.TasksServiceCollectionExtensions}.AddTaskDefinition(services, definition);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return services;");
        writer.CloseBlock();

        writer.CloseBlock();
        if (inNamespace)
        {
            writer.CloseBlock();
        }

        return writer.ToString();
    }
}
