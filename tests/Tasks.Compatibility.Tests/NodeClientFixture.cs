using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tasks.Server;

namespace Tasks.Compatibility.Tests;

/// <summary>
/// Starts a real server and a C# worker, installs the pinned @trigger.dev/sdk with npm (once per checkout), runs
/// node/compat.mjs against the server, and keeps what the official client returned for each scenario.
/// </summary>
public sealed class NodeClientFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "tasks-compat-" + Guid.NewGuid().ToString("N")[..10]);
    private EmbeddedTasksServer? _server;
    private IHost? _worker;

    public JsonElement Results { get; private set; }

    public string NodeOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _server = await EmbeddedTasksServer.StartAsync(o => o.DataDirectory = _dataDirectory);
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddTasksClient(o =>
        {
            o.ApiUrl = _server.Address;
            o.SecretKey = _server.SecretKey;
        });
        builder.Services.AddTasksWorker();
        builder.Services.AddGeneratedTasks();
        _worker = builder.Build();
        await _worker.StartAsync();

        var node = Path.Combine(ProjectDirectory(), "node");
        if (!Directory.Exists(Path.Combine(node, "node_modules", "@trigger.dev", "sdk")))
        {
            await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], node, new Dictionary<string, string>());
        }

        NodeOutput = await RunAsync("node", ["compat.mjs"], node, new Dictionary<string, string>
        {
            ["TRIGGER_API_URL"] = _server.Address.ToString().TrimEnd('/'),
            ["TRIGGER_SECRET_KEY"] = _server.SecretKey,
        });
        Results = JsonDocument.Parse(NodeOutput.Trim().Split('\n')[^1]).RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.StopAsync();
            _worker.Dispose();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    public JsonElement Scenario(string name)
    {
        var scenario = Results.GetProperty(name);
        if (scenario.TryGetProperty("thrown", out var thrown) && thrown.ValueKind == JsonValueKind.String && name != "unknownTask")
        {
            Assert.Fail($"The Node client threw in '{name}': {thrown.GetString()}");
        }

        return scenario;
    }

    private static string ProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Tasks.Compatibility.Tests.csproj")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the Tasks.Compatibility.Tests project folder above " + AppContext.BaseDirectory);
    }

    private static async Task<string> RunAsync(string file, string[] arguments, string directory, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await output}\n{await error}");
        }

        return await output;
    }
}
