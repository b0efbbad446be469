using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tasks.Storage.Tests;

/// <summary>Server and worker processes for the many-node tests, started from their own build output beside this project's.</summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private NodeProcess(string project, string[] arguments, IReadOnlyDictionary<string, string> environment, string readyLine)
    {
        var start = new ProcessStartInfo("dotnet", [OutputOf(project), .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {project}.");
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text && _output.Count < 200)
            {
                _output.Enqueue(text);
            }

            if (line.Data?.Contains(readyLine, StringComparison.Ordinal) == true)
            {
                _ready.TrySetResult();
            }
        };
        _process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text && _output.Count < 200)
            {
                _output.Enqueue(text);
            }
        };
        _process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException(
            $"{project} exited before it was ready:\n{string.Join('\n', _output)}"));
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri? Address { get; private init; }

    /// <summary>A server process on PostgreSQL, on a free loopback port, ready to serve.</summary>
    public static async Task<NodeProcess> StartServerAsync(string connectionString, string secretKey, TimeSpan lease)
    {
        var port = FreePort();
        var node = new NodeProcess("src/Tasks.Server", ["--urls", $"http://127.0.0.1:{port}"], new Dictionary<string, string>
        {
            ["ConnectionStrings__Tasks"] = connectionString,
            ["TRIGGER_SECRET_KEY"] = secretKey,
            ["Tasks__LeaseDuration"] = lease.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["Tasks__SweepInterval"] = "00:00:00.200",
        }, readyLine: "Now listening on") { Address = new Uri($"http://127.0.0.1:{port}/") };
        await node._ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return node;
    }

    /// <summary>A worker process connected to <paramref name="server"/>, ready once it registered its tasks.</summary>
    public static async Task<NodeProcess> StartWorkerAsync(Uri server, string secretKey, string log)
    {
        var node = new NodeProcess("tests/Tasks.TestWorker", [], new Dictionary<string, string>
        {
            ["TRIGGER_API_URL"] = server.ToString(),
            ["TRIGGER_SECRET_KEY"] = secretKey,
            ["TASKS_TEST_LOG"] = log,
        }, readyLine: "registered");
        await node._ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return node;
    }

    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    /// <summary>&lt;repo&gt;/&lt;project&gt;/bin/&lt;configuration&gt;/&lt;tfm&gt;/&lt;name&gt;.dll, beside this test project's own output.</summary>
    private static string OutputOf(string project)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        var repository = output.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(repository, project, "bin", configuration, framework, Path.GetFileName(project) + ".dll");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
