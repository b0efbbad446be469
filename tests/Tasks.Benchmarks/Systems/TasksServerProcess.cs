using System.Diagnostics;
using Tasks.Benchmarks.Harness;
using Tasks.Server;

namespace Tasks.Benchmarks.Systems;

/// <summary>
/// A Tasks.Sdk server in a process of its own, on PostgreSQL: this executable in <c>--serve</c> mode runs
/// <see cref="EmbeddedTasksServer"/> on a free loopback port, prints its address, and serves until its standard input closes
/// (so it also ends when the cell that started it dies). Its CPU and memory count in the cell's figures.
/// </summary>
internal sealed class TasksServerProcess : IAsyncDisposable
{
    private const string ReadyPrefix = "TASKS-SERVING ";
    private readonly Process _process;

    private TasksServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Starts a server process and returns once it accepts requests.</summary>
    public static async Task<TasksServerProcess> StartAsync(string connectionString, string secretKey, string dataDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? throw new InvalidOperationException("No process path."))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--serve", connectionString, secretKey, dataDirectory })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start a server process.");
        var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not { } text)
            {
                ready.TrySetException(new InvalidOperationException("The server process ended before it served."));
            }
            else if (text.StartsWith(ReadyPrefix, StringComparison.Ordinal))
            {
                ready.TrySetResult(new Uri(text[ReadyPrefix.Length..]));
            }
            else
            {
                Console.Error.WriteLine($"[server {process.Id}] {text}");
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                Console.Error.WriteLine($"[server {process.Id}] {text}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = await ready.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            ProcessMetrics.Watch(process);
            return new TasksServerProcess(process, address);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>The <c>--serve</c> side, in the child process.</summary>
    public static async Task ServeAsync(string connectionString, string secretKey, string dataDirectory)
    {
        await using var server = await EmbeddedTasksServer.StartAsync(o =>
        {
            o.PostgresConnectionString = connectionString;
            o.SecretKey = secretKey;
            o.DataDirectory = dataDirectory; // only the generated dashboard token lands here
        });
        Console.WriteLine(ReadyPrefix + server.Address);
        await Console.In.ReadToEndAsync();
    }

    public async ValueTask DisposeAsync()
    {
        ProcessMetrics.Forget(_process);
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }
}
