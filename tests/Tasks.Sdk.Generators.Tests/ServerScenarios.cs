namespace Tasks.Sdk.Generators.Tests;

/// <summary>The code that drives <see cref="Scenarios"/> end to end, compiled with them against the generated clients.</summary>
internal static class ServerScenarios
{
    /// <summary>Triggers every task of <see cref="Scenarios.PayloadShapes"/> and of <see cref="ScopedTasks"/>, and summarizes the outputs.</summary>
    public const string ShapeDriver = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Tasks.Sdk;

        namespace Demo.Shapes;

        public static class ShapeDriver
        {
            public static void Register(IServiceCollection services)
            {
                services.AddScoped<UnitOfWork>();
                services.AddGeneratedTasks();
            }

            public static async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
            {
                var shapes = services.GetRequiredService<IShapeTasksClient>();
                var scoped = services.GetRequiredService<IScopedTasksClient>();
                var orders = new List<Order> { new() { Id = "a", Priority = Priority.High }, new() { Id = "b" } };

                var import = await (await shapes.Import.TriggerAsync(orders, ct)).WaitForCompletionAsync(ct);
                var count = await (await shapes.Count.TriggerAsync(orders, ct)).WaitForCompletionAsync(ct);
                var maybe = await (await shapes.Find.TriggerAsync(null, ct)).WaitForCompletionAsync(ct);
                var halfNull = await (await shapes.Half.TriggerAsync(null, ct)).WaitForCompletionAsync(ct);
                var half = await (await shapes.Half.TriggerAsync(42, ct)).WaitForCompletionAsync(ct);
                var point = await (await shapes.Move.TriggerAsync(new Point { X = 1, Y = 2 }, ct)).WaitForCompletionAsync(ct);
                var letter = await (await shapes.Send.TriggerAsync(new Envelope.Letter("ada", DateTimeOffset.UnixEpoch, Guid.NewGuid()), ct)).WaitForCompletionAsync(ct);
                var when = await (await shapes.When.TriggerAsync(Guid.NewGuid(), ct)).WaitForCompletionAsync(ct);
                var priorities = await (await shapes.Priorities.TriggerAsync(Priority.High, ct)).WaitForCompletionAsync(ct);
                var uri = await (await shapes.Fetch.TriggerAsync(new Uri("https://example.com/a"), ct)).WaitForCompletionAsync(ct);
                var used = await (await scoped.Use.TriggerAsync("x", ct)).WaitForCompletionAsync(ct);

                return $"import={import.Output}; count={count.Status.ToWire()}; maybe={maybe.Output?.Id ?? "null"}; half-null={halfNull.Output?.ToString() ?? "null"}; half={half.Output}; "
                    + $"point={point.Output.X},{point.Output.Y}; letter={letter.Status.ToWire()}; when={when.Output:yyyy-MM-ddTHH:mm:sszzz}; priorities={string.Join(",", priorities.Output!)}; "
                    + $"uri={uri.Output}; scoped=used:{used.Output},disposed:{UnitOfWork.Disposed}";
            }
        }
        """;

    /// <summary>An instance task whose class and scoped dependency come from the run's own scope, disposed after the run.</summary>
    public const string ScopedTasks = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Tasks.Sdk;

        namespace Demo.Shapes;

        public sealed class UnitOfWork : IDisposable
        {
            public static int Disposed;
            private bool _disposed;

            public int Use() => _disposed ? throw new ObjectDisposedException(nameof(UnitOfWork)) : 1;

            public void Dispose()
            {
                _disposed = true;
                Interlocked.Increment(ref Disposed);
            }
        }

        internal sealed class ScopedTasks(UnitOfWork work)
        {
            [Task("use-unit-of-work")]
            public async Task<int> UseAsync(string name, CancellationToken cancellationToken)
            {
                await Task.Yield();
                return work.Use();
            }
        }
        """;

    /// <summary>Triggers <c>v2/square</c> of <see cref="Scenarios.StaticTasks"/>.</summary>
    public const string MathDriver = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;

        namespace Demo.Math;

        public static class MathDriver
        {
            public static void Register(IServiceCollection services) => services.AddGeneratedTasks();

            public static async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
            {
                var math = services.GetRequiredService<IMathTasksClient>();
                var run = await (await math.Square.TriggerAsync(7, ct)).WaitForCompletionAsync(ct);
                return run.Output.ToString();
            }
        }
        """;

    /// <summary>The worker's side of the contract scenario: runs the implementation.</summary>
    public const string ContractWorkerSetup = """
        using Microsoft.Extensions.DependencyInjection;
        using Demo.Contracts;

        namespace Demo.Worker;

        public static class WorkerSetup
        {
            public static void Register(IServiceCollection services) => services.AddBillingTasks<BillingTasks>();
        }
        """;

    /// <summary>The backend's side: knows only the contract.</summary>
    public const string ContractBackend = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Tasks.Sdk;
        using Demo.Contracts;

        namespace Demo.Backend;

        public static class Backend
        {
            public static void Register(IServiceCollection services) => services.AddBillingTasksClient();

            public static async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
            {
                var billing = services.GetRequiredService<IBillingTasksClient>();
                RunHandle<Receipt> charge = await billing.Charge.TriggerAsync(new Invoice("INV-7", 12.5m), ct);
                Run<Receipt> charged = await charge.WaitForCompletionAsync(ct);
                RunHandle voided = await billing.Void.TriggerAsync(new Invoice("INV-8", 1m), ct);
                Run done = await voided.WaitForCompletionAsync(ct);
                return $"charge={charged.Status.ToWire()}:{charged.Output?.Number}:{charged.Output?.RunId}; void={done.Status.ToWire()}";
            }
        }
        """;
}
