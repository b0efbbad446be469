using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tasks.Sdk.Generators.Tests.Infrastructure;

namespace Tasks.Sdk.Generators.Tests;

/// <summary>Compiles the generated code, loads it, registers it with <c>AddGeneratedTasks</c> and invokes tasks through their definitions.</summary>
public sealed class RunTests
{
    [Fact]
    public void AddGeneratedTasks_registers_one_definition_per_task_with_its_options()
    {
        var loaded = LoadedTasks.Load(GeneratorRun.Run(Scenarios.InstanceTasks));

        Assert.Equal(["resize-image", "purge-cache"], loaded.Definitions.Select(d => d.Id));
        Assert.Equal(
            new TaskOptions
            {
                MaxAttempts = 3, Queue = "images", ConcurrencyLimit = 2, MinRetryDelay = "1s", MaxRetryDelay = "10s",
                RetryFactor = 2.5, RandomizeRetry = true, MaxDuration = "5m", Ttl = "1h",
            },
            loaded.Definition("resize-image").Options);
        Assert.Equal(new TaskOptions(), loaded.Definition("purge-cache").Options);
    }

    [Fact]
    public void AddGeneratedTasks_registers_task_classes_scoped_and_clients_as_singletons()
    {
        var loaded = LoadedTasks.Load(GeneratorRun.Run(Scenarios.InstanceTasks));

        var taskClass = Assert.Single(loaded.Services, d => d.ServiceType.FullName == "Demo.Images.ImageTasks");
        Assert.Equal(ServiceLifetime.Scoped, taskClass.Lifetime);
        var client = Assert.Single(loaded.Services, d => d.ServiceType.FullName == "Demo.Images.IImageTasksClient");
        Assert.Equal(ServiceLifetime.Singleton, client.Lifetime);
        Assert.Equal("Demo.Images.ImageTasksClient", client.ImplementationType!.FullName);
    }

    [Fact]
    public void AddGeneratedTasks_registers_nothing_but_its_own_for_a_project_without_tasks()
    {
        var loaded = LoadedTasks.Load(GeneratorRun.Run(Scenarios.ZeroTasks));

        Assert.Empty(loaded.Services);
        Assert.Empty(loaded.Definitions);
    }

    [Fact]
    public async Task Instance_task_resolves_its_class_from_the_run_scope_and_gets_payload_context_and_output()
    {
        var loaded = LoadImagesWithThumbnailer();

        var output = await loaded.InvokeAsync("resize-image", """{"url":"cat.png","width":200}""");

        Assert.Equal("""{"url":"cat.png","width":100,"runId":"run_test1"}""", output);
    }

    [Fact]
    public async Task Void_task_returns_null_output()
    {
        var loaded = LoadImagesWithThumbnailer();

        Assert.Null(await loaded.InvokeAsync("purge-cache", """{"url":"cat.png","width":1}"""));
    }

    [Fact]
    public async Task Payload_of_the_wrong_shape_throws_TaskPayloadException()
    {
        var loaded = LoadImagesWithThumbnailer();

        var error = await Assert.ThrowsAsync<TaskPayloadException>(async () => await loaded.InvokeAsync("resize-image", """[1, 2, 3]"""));

        Assert.Equal("resize-image", error.TaskId);
        Assert.Equal("Demo.Images.Resize", error.PayloadType.FullName);
    }

    [Fact]
    public async Task Static_tasks_take_primitive_payloads_in_any_parameter_order()
    {
        var loaded = LoadedTasks.Load(GeneratorRun.Run(Scenarios.StaticTasks));

        Assert.Equal("49", await loaded.InvokeAsync("v2/square", "7"));
        Assert.Null(await loaded.InvokeAsync("log.v1:message", "\"hello\""));
        Assert.Equal("null", await loaded.InvokeAsync("echo", "null"));
        Assert.Equal("\"hi\"", await loaded.InvokeAsync("echo", "\"hi\""));
    }

    [Fact]
    public async Task Cancellation_reaches_the_task_through_the_invocation()
    {
        var loaded = LoadImagesWithThumbnailer();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await loaded.InvokeAsync("resize-image", """{"url":"cat.png","width":200}""", cancelled.Token));
    }

    [Fact]
    public async Task Tasks_from_partial_declarations_all_dispatch()
    {
        var loaded = LoadedTasks.Load(GeneratorRun.Run(Scenarios.PartialClassFirstFile, Scenarios.PartialClassSecondFile));

        Assert.Equal(JsonSerializer.Serialize("built q3"), await loaded.InvokeAsync("build-report", """{"name":"q3"}"""));
        Assert.Null(await loaded.InvokeAsync("send-report", """{"name":"q3"}"""));
    }

    // The task class's own dependency, registered as the application would.
    private static LoadedTasks LoadImagesWithThumbnailer() =>
        LoadedTasks.Load(
            GeneratorRun.Run(Scenarios.InstanceTasks),
            (services, assembly) => services.AddSingleton(assembly.GetType("Demo.Images.Thumbnailer", throwOnError: true)!));
}
