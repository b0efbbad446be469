using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace Tasks.Sdk.Generators.Tests.Infrastructure;

/// <summary>The compiled output of a generator run, loaded and wired into a real service provider as a worker would.</summary>
internal sealed class LoadedTasks
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private LoadedTasks(System.Reflection.Assembly assembly, IServiceCollection services)
    {
        Assembly = assembly;
        Services = services;
        Provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
    }

    public System.Reflection.Assembly Assembly { get; }

    public IServiceCollection Services { get; }

    public ServiceProvider Provider { get; }

    public IReadOnlyList<TaskDefinition> Definitions => Provider.GetServices<TaskDefinition>().ToList();

    public TaskDefinition Definition(string id) => Definitions.Single(d => d.Id == id);

    /// <summary>Compiles, loads, and calls the generated <c>AddGeneratedTasks</c> on a fresh <see cref="ServiceCollection"/>.</summary>
    public static LoadedTasks Load(GeneratorRun run, Action<IServiceCollection, System.Reflection.Assembly>? configure = null)
    {
        run.AssertCompiles();
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        var assembly = new AssemblyLoadContext($"generated-{Guid.NewGuid():N}").LoadFromStream(image);

        var extensions = assembly.GetType("Microsoft.Extensions.DependencyInjection.GeneratedTasksServiceCollectionExtensions", throwOnError: true)!;
        var services = new ServiceCollection();
        var returned = extensions.GetMethod("AddGeneratedTasks")!.Invoke(null, [services]);
        Assert.Same(services, returned);
        configure?.Invoke(services, assembly);
        return new LoadedTasks(assembly, services);
    }

    /// <summary>Invokes a task the way the worker does: a fresh scope, a real <see cref="TaskInvocation"/>.</summary>
    public async Task<string?> InvokeAsync(string taskId, string payloadJson, CancellationToken cancellationToken = default)
    {
        await using var scope = Provider.CreateAsyncScope();
        var context = new TaskContext("run_test1", taskId, attempt: 1, parentRunId: null, tags: [], metadata: null, waiter: null!, cancellationToken);
        var invocation = new TaskInvocation(payloadJson, context, scope.ServiceProvider, Json);
        return await Definition(taskId).Invoke(invocation);
    }
}
