namespace Tasks.Sdk.Generators.Tests;

/// <summary>Representative task sources, shared by the baseline, compile and run tests.</summary>
internal static class Scenarios
{
    public const string InstanceTasks = """
        using System.Threading;
        using System.Threading.Tasks;
        using Tasks.Sdk;

        namespace Demo.Images;

        public sealed record Resize(string Url, int Width);

        public sealed record Resized(string Url, int Width, string RunId);

        public sealed class Thumbnailer
        {
            public int Height(int width) => width / 2;
        }

        public class ImageTasks(Thumbnailer thumbnailer)
        {
            /// <summary>
            /// Makes a thumbnail of a <see cref="Resize"/> request &amp; reports the run it came from.
            /// </summary>
            [Task("resize-image", MaxAttempts = 3, Queue = "images", ConcurrencyLimit = 2, MinRetryDelay = "1s", MaxRetryDelay = "10s", RetryFactor = 2.5, RandomizeRetry = true, MaxDuration = "5m", Ttl = "1h")]
            public async Task<Resized> ResizeAsync(Resize payload, TaskContext context, CancellationToken cancellationToken)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                return new Resized(payload.Url, thumbnailer.Height(payload.Width), context.RunId);
            }

            [Task("purge-cache")]
            public Task PurgeAsync(Resize payload) => Task.CompletedTask;
        }
        """;

    public const string StaticTasks = """
        using System.Threading;
        using System.Threading.Tasks;
        using Tasks.Sdk;

        namespace Demo.Math;

        public static class MathTasks
        {
            [Task("v2/square")]
            public static ValueTask<long> SquareAsync(CancellationToken cancellationToken, int value) => new((long)value * value);

            [Task("log.v1:message")]
            public static ValueTask LogAsync(TaskContext context, string message) => default;

            [Task("echo")]
            internal static Task<string?> Echo(string? text) => Task.FromResult(text);
        }
        """;

    public const string PartialClassFirstFile = """
        using System.Threading.Tasks;
        using Tasks.Sdk;

        namespace Demo.Reports;

        public sealed record ReportRequest(string Name);

        public partial class ReportTasks
        {
            [Task("build-report")]
            public Task<string> BuildAsync(ReportRequest request) => Task.FromResult("built " + request.Name);
        }
        """;

    public const string PartialClassSecondFile = """
        using System.Threading.Tasks;
        using Tasks.Sdk;

        namespace Demo.Reports;

        public partial class ReportTasks
        {
            [Task("send-report")]
            public Task SendAsync(ReportRequest request) => Task.CompletedTask;
        }
        """;

    public const string InternalTypes = """
        using System.Threading.Tasks;
        using Tasks.Sdk;

        namespace Demo.Internal;

        internal sealed record Secret(string Value);

        internal class HiddenTasks
        {
            [Task("hidden")]
            public Task<int> RunAsync(int value) => Task.FromResult(value);
        }

        // A public class whose task takes an internal payload: its client must be internal too.
        public class MixedTasks
        {
            [Task("mixed")]
            internal static Task KeepAsync(Secret secret) => Task.CompletedTask;
        }
        """;

    public const string GlobalNamespace = """
        using System.Threading.Tasks;
        using Tasks.Sdk;

        public class GlobalTasks
        {
            [Task("global-ping")]
            public static Task<string> PingAsync(string who) => Task.FromResult("pong " + who);
        }
        """;

    public const string NestedClass = """
        using System.Threading.Tasks;
        using Tasks.Sdk;

        namespace Demo.Nested;

        public static class Outer
        {
            public class Inner
            {
                [Task("nested")]
                public Task<bool> CheckAsync(bool flag) => Task.FromResult(!flag);
            }
        }
        """;

    public const string PayloadShapes = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Tasks.Sdk;

        namespace Demo.Shapes;

        public enum Priority { Low, High }

        public sealed class Order { public string Id { get; set; } = ""; public Priority Priority { get; set; } }

        public struct Point { public int X { get; set; } public int Y { get; set; } }

        public static class Envelope
        {
            public sealed record Letter(string To, DateTimeOffset SentAt, Guid TraceId);
        }

        // Every payload and output shape a task may use; the ids include characters that are not C# identifiers.
        public static class ShapeTasks
        {
            [Task("orders.import")]
            public static Task<int> ImportAsync(List<Order> orders) => Task.FromResult(orders.Count);

            [Task("orders.count-by-priority")]
            public static Task<Dictionary<Priority, int>> CountAsync(IReadOnlyList<Order> orders) => Task.FromResult(new Dictionary<Priority, int>());

            [Task("maybe-order")]
            public static Task<Order?> FindAsync(string? id) => Task.FromResult<Order?>(null);

            [Task("optional-number")]
            public static ValueTask<int?> HalfAsync(int? value) => new(value / 2);

            [Task("move-point")]
            public static Task<Point> MoveAsync(Point point, CancellationToken cancellationToken) => Task.FromResult(new Point { X = point.X + 1, Y = point.Y });

            [Task("send-letter")]
            public static ValueTask SendAsync(Envelope.Letter letter) => default;

            [Task("when")]
            public static Task<DateTimeOffset> WhenAsync(Guid id) => Task.FromResult(DateTimeOffset.UnixEpoch);

            [Task("priority")]
            public static Task<Priority[]> PrioritiesAsync(Priority first) => Task.FromResult(new[] { first });

            [Task("fetch-uri")]
            public static Task<Uri> FetchAsync(Uri uri) => Task.FromResult(uri);
        }
        """;

    public const string SameClassNameTwice = """
        using System.Threading.Tasks;
        using Tasks.Sdk;

        namespace Demo.Billing
        {
            public class Jobs
            {
                [Task("billing-run")]
                public static Task<int> RunAsync(int month) => Task.FromResult(month);
            }
        }

        namespace Demo.Shipping
        {
            internal class Jobs
            {
                [Task("shipping-run")]
                public Task RunAsync(string parcel) => Task.CompletedTask;
            }
        }
        """;

    /// <summary>A contract: the task signatures on an interface, implemented elsewhere.</summary>
    public const string Contract = """
        using System.Threading;
        using System.Threading.Tasks;
        using Tasks.Sdk;

        namespace Demo.Contracts;

        public sealed record Invoice(string Number, decimal Amount);

        public sealed record Receipt(string Number, string RunId);

        public interface IBillingTasks
        {
            /// <summary>Charges an <see cref="Invoice"/>.</summary>
            [Task("charge-invoice", MaxAttempts = 5, Queue = "billing")]
            Task<Receipt> ChargeAsync(Invoice invoice, TaskContext context, CancellationToken cancellationToken);

            [Task("void-invoice")]
            Task VoidAsync(Invoice invoice);
        }
        """;

    /// <summary>A worker's implementation of <see cref="Contract"/>: no [Task] of its own.</summary>
    public const string ContractImplementation = """
        using System.Threading;
        using System.Threading.Tasks;
        using Tasks.Sdk;
        using Demo.Contracts;

        namespace Demo.Worker;

        public sealed class BillingTasks : IBillingTasks
        {
            public static int Voided;

            public Task<Receipt> ChargeAsync(Invoice invoice, TaskContext context, CancellationToken cancellationToken) =>
                Task.FromResult(new Receipt(invoice.Number, context.RunId));

            public Task VoidAsync(Invoice invoice)
            {
                Interlocked.Increment(ref Voided);
                return Task.CompletedTask;
            }
        }
        """;

    public const string ZeroTasks = """
        namespace Demo.Empty;

        public class NothingToSee
        {
            public void Method() { }
        }
        """;

    /// <summary>Every scenario with its sources, for theories.</summary>
    public static readonly string[] All = ["InstanceTasks", "StaticTasks", "PartialClass", "InternalTypes", "GlobalNamespace", "NestedClass", "PayloadShapes", "SameClassNameTwice", "Contract", "ZeroTasks"];

    public static TheoryData<string> Names => new(All);

    public static string[] Sources(string name) => name switch
    {
        "InstanceTasks" => [InstanceTasks],
        "StaticTasks" => [StaticTasks],
        "PartialClass" => [PartialClassFirstFile, PartialClassSecondFile],
        "InternalTypes" => [InternalTypes],
        "GlobalNamespace" => [GlobalNamespace],
        "NestedClass" => [NestedClass],
        "PayloadShapes" => [PayloadShapes],
        "SameClassNameTwice" => [SameClassNameTwice],
        "Contract" => [Contract, ContractImplementation],
        "ZeroTasks" => [ZeroTasks],
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
