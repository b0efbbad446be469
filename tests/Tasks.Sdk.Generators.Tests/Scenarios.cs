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

            [Task("log \"quoted\" \\ id")]
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

    public const string ZeroTasks = """
        namespace Demo.Empty;

        public class NothingToSee
        {
            public void Method() { }
        }
        """;

    /// <summary>Every scenario with its sources, for theories.</summary>
    public static readonly string[] All = ["InstanceTasks", "StaticTasks", "PartialClass", "InternalTypes", "GlobalNamespace", "NestedClass", "ZeroTasks"];

    public static TheoryData<string> Names => new(All);

    public static string[] Sources(string name) => name switch
    {
        "InstanceTasks" => [InstanceTasks],
        "StaticTasks" => [StaticTasks],
        "PartialClass" => [PartialClassFirstFile, PartialClassSecondFile],
        "InternalTypes" => [InternalTypes],
        "GlobalNamespace" => [GlobalNamespace],
        "NestedClass" => [NestedClass],
        "ZeroTasks" => [ZeroTasks],
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
