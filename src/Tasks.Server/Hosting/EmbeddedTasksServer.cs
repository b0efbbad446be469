using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Tasks.Server.Auth;
using Tasks.Server.Hosting;

namespace Tasks.Server;

/// <summary>The server running inside another process, on a loopback port of its own: for quickstarts, tests and single-process apps.</summary>
public sealed class EmbeddedTasksServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmbeddedTasksServer(WebApplication app, Uri address, string secretKey)
    {
        _app = app;
        Address = address;
        SecretKey = secretKey;
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:5123/</c>; use it as <c>TRIGGER_API_URL</c>.</summary>
    public Uri Address { get; }

    /// <summary>The environment's secret key; use it as <c>TRIGGER_SECRET_KEY</c>.</summary>
    public string SecretKey { get; }

    /// <summary>The server's services (for tests that look inside).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts a server on a free loopback port (or <paramref name="url"/>) and returns once it accepts requests.
    /// <paramref name="services"/> can replace the server's services before it starts, e.g. its <see cref="TimeProvider"/>.
    /// </summary>
    public static async Task<EmbeddedTasksServer> StartAsync(
        Action<TasksServerOptions>? configure = null,
        string url = "http://127.0.0.1:0",
        Action<IServiceCollection>? services = null,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        services?.Invoke(builder.Services);
        builder.Services.AddTasksServer(builder.Configuration, configure);
        var app = builder.Build();
        app.MapTasksServer();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EmbeddedTasksServer(app, new Uri(address.TrimEnd('/') + "/"), app.Services.GetRequiredService<EnvironmentKeys>().StartupKey);
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
