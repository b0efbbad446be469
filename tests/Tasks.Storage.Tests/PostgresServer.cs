using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Tasks.Storage.Tests;

/// <summary>
/// A throwaway PostgreSQL from the binaries on PATH (<c>initdb</c>, <c>pg_ctl</c>) in a temp folder, on a free loopback port.
/// PostgreSQL refuses to run as root, so as root it runs as the <c>postgres</c> user (created if missing). When CI is set and
/// it cannot start, the tests fail loudly rather than skip.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tasks-pg-" + Guid.NewGuid().ToString("N")[..10]);

    public int Port { get; } = FreePort();

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        var data = Path.Combine(_root, "data");
        if (IsRoot())
        {
            await RunAsync("id", ["-u", "postgres"], allowFailure: true, onFailure: () => RunAsync("useradd", ["--system", "--no-create-home", "postgres"]));
            await RunAsync("chown", ["postgres", _root]);
        }

        await AsPostgresAsync("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
        var options = $"-p {Port} -h 127.0.0.1 -k {_root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400";
        await AsPostgresAsync("pg_ctl", ["-D", data, "-o", options, "-l", Path.Combine(_root, "log"), "-w", "-t", "60", "start"]);
    }

    public async Task DisposeAsync()
    {
        await AsPostgresAsync("pg_ctl", ["-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"], allowFailure: true);
        Directory.Delete(_root, recursive: true);
    }

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
            throw new InvalidOperationException($"PostgreSQL for the tests could not start: {file} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
