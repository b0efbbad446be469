using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tasks.Sdk.Generators.Tests.Infrastructure;
using Tasks.Server;

namespace Tasks.Sdk.Generators.Tests;

/// <summary>
/// The generated code compiled, loaded and run against a real embedded server: clients trigger over HTTP, the worker leases
/// the runs and dispatches them through the generated table, typed outputs come back. The driving code is compiled with
/// the scenario, so it uses the generated clients exactly as a user would.
/// </summary>
public sealed class ServerRunTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "tasks-gen-tests-" + Guid.NewGuid().ToString("N")[..10]);
    private EmbeddedTasksServer _server = null!;

    public async Task InitializeAsync() => _server = await EmbeddedTasksServer.StartAsync(o => o.DataDirectory = _dataDirectory);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task Every_payload_and_output_shape_round_trips_through_the_server()
    {
        var assemblies = new CompiledAssemblies();
        assemblies.Add("ShapeTasks", Scenarios.PayloadShapes, ServerScenarios.ShapeDriver, ServerScenarios.ScopedTasks);

        var result = await RunAsync(services => assemblies.Call("ShapeTasks", "Demo.Shapes.ShapeDriver", "Register", services), provider =>
            (Task<string>)assemblies.Call("ShapeTasks", "Demo.Shapes.ShapeDriver", "RunAsync", provider, Timeout())!);

        Assert.Equal(
            "import=2; count=COMPLETED; maybe=null; half-null=null; half=21; point=2,2; letter=COMPLETED; when=1970-01-01T00:00:00+00:00; priorities=High; uri=https://example.com/a; scoped=used:1,disposed:1",
            result);
    }

    [Fact]
    public async Task Backend_triggers_a_contract_implemented_by_a_worker_it_does_not_reference()
    {
        var assemblies = new CompiledAssemblies();
        var contracts = assemblies.Add("Contracts", Scenarios.Contract);
        var worker = assemblies.Add("Worker", Scenarios.ContractImplementation, ServerScenarios.ContractWorkerSetup);
        var backend = assemblies.Add("Backend", ServerScenarios.ContractBackend);

        // The implementation declares no [Task]: its assembly gets no client and an empty table; the contract's are shared.
        Assert.Contains("Demo.Contracts.BillingTasksClient.g.cs", contracts.Run.Sources.Keys);
        Assert.DoesNotContain(worker.Run.Sources.Keys, k => k.EndsWith("Client.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(backend.Assembly.GetReferencedAssemblies(), a => a.Name == "Worker");

        var result = await RunAsync(
            services =>
            {
                assemblies.Call("Worker", "Demo.Worker.WorkerSetup", "Register", services);
                assemblies.Call("Backend", "Demo.Backend.Backend", "Register", services);
            },
            provider => (Task<string>)assemblies.Call("Backend", "Demo.Backend.Backend", "RunAsync", provider, Timeout())!);

        Assert.StartsWith("charge=COMPLETED:INV-7:run_", result, StringComparison.Ordinal);
        Assert.EndsWith("; void=COMPLETED", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Task_id_with_a_slash_triggers_over_http()
    {
        var assemblies = new CompiledAssemblies();
        assemblies.Add("MathTasks", Scenarios.StaticTasks, ServerScenarios.MathDriver);

        var result = await RunAsync(services => assemblies.Call("MathTasks", "Demo.Math.MathDriver", "Register", services), provider =>
            (Task<string>)assemblies.Call("MathTasks", "Demo.Math.MathDriver", "RunAsync", provider, Timeout())!);

        Assert.Equal("49", result);
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private async Task<string> RunAsync(Action<IServiceCollection> register, Func<IServiceProvider, Task<string>> drive)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddTasksClient(o =>
        {
            o.ApiUrl = _server.Address;
            o.SecretKey = _server.SecretKey;
            o.PollInterval = TimeSpan.FromMilliseconds(20);
            o.MaxPollInterval = TimeSpan.FromMilliseconds(100);
        });
        builder.Services.AddTasksWorker();
        register(builder.Services);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            return await drive(host.Services);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
