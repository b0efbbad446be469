using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

// The benchmark harness compiles this file in under a namespace of its own: a Tasks.Storage namespace there would hide its Storage enum.
#if WITHOUT_XUNIT
namespace Tasks.Benchmarks.Harness;
#else
namespace Tasks.Storage.Tests;
#endif

/// <summary>
/// A throwaway PostgreSQL from the binaries on PATH (<c>initdb</c>, <c>pg_ctl</c>) in a temp folder, on a free loopback port.
/// PostgreSQL refuses to run as root, so as root it runs as the <c>postgres</c> user (created if missing). When CI is set and
/// it cannot start, the tests fail loudly rather than skip.
/// </summary>
/// <remarks>
/// The storage tests use it as an xunit collection fixture with durability off (fsync, synchronous_commit and full-page writes), for
/// speed. The benchmark harness compiles this same file in (<c>--start-postgres</c>, defining <c>WITHOUT_XUNIT</c>) and starts it
/// durable, with PostgreSQL's own defaults.
/// </remarks>
public sealed class PostgresServer
#if !WITHOUT_XUNIT
    : IAsyncLifetime
#endif
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tasks-pg-" + Guid.NewGuid().ToString("N")[..10]);

    /// <summary>
    /// True keeps PostgreSQL's durable defaults (fsync, synchronous_commit and full-page writes on); false (the tests') turns them
    /// off. An init property, not a constructor parameter: xunit wants a fixture's one public constructor to take nothing.
    /// </summary>
    public bool Durable { get; init; }

    public int Port { get; } = FreePort();

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    public async Task StartAsync()
    {
        Directory.CreateDirectory(_root);
        var data = Path.Combine(_root, "data");
        if (IsRoot())
        {
            await RunAsync("id", ["-u", "postgres"], allowFailure: true, onFailure: () => RunAsync("useradd", ["--system", "--no-create-home", "postgres"]));
            await RunAsync("chown", ["postgres", _root]);
        }

        await AsPostgresAsync("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
        var durability = Durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        var options = $"-p {Port} -h 127.0.0.1 -k {_root}{durability} -c max_connections=500";
        await AsPostgresAsync("pg_ctl", ["-D", data, "-o", options, "-l", Path.Combine(_root, "log"), "-w", "-t", "60", "start"]);
    }

    public async Task StopAsync()
    {
        await AsPostgresAsync("pg_ctl", ["-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"], allowFailure: true);
        Directory.Delete(_root, recursive: true);
    }

#if !WITHOUT_XUNIT
    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => StopAsync();
#endif

    /// <summary>A fresh, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "tasks_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name}";
    }

    private Task AsPostgresAsync(string tool, string[] arguments, bool allowFailure = false) =>
        IsRoot() ? RunAsync("runuser", ["-u", "postgres", "--", tool, .. arguments], allowFailure) : RunAsync(tool, arguments, allowFailure);

    private static bool IsRoot() => Environment.UserName == "root";

    private static async Task RunAsync(string file, string[] arguments, bool allowFailure = false, Func<Task>? onFailure = null)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode == 0)
        {
            return;
        }

        if (onFailure is not null)
        {
            await onFailure();
            return;
        }

        if (!allowFailure)
        {
            throw new InvalidOperationException($"The throwaway PostgreSQL could not start: {file} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

#if !WITHOUT_XUNIT
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
#endif
