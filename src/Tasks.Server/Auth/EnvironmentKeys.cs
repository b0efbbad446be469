using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Tasks.Server.Hosting;
using Tasks.Server.Storage;

namespace Tasks.Server.Auth;

/// <summary>Maps secret keys to environments: sets up the configured (or a generated) key at start, then answers lookups from memory.</summary>
internal sealed class EnvironmentKeys(IRunStore store, IOptions<TasksServerOptions> options)
{
    private readonly ConcurrentDictionary<string, EnvironmentRecord> _byKey = new(StringComparer.Ordinal);

    /// <summary>The key the server was started with (configured, or generated on first start and kept with the data).</summary>
    public string StartupKey { get; private set; } = "";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.SecretKey ?? Environment.GetEnvironmentVariable("TRIGGER_SECRET_KEY");
        if (configured is not null && !SecretKeys.TryGetEnvironmentType(configured, out _))
        {
            throw new InvalidOperationException($"The configured secret key is not a Trigger.dev secret key: expected {SecretKeys.Describe()}.");
        }

        var environment = await store.WriteAsync(async tx =>
        {
            var type = "dev";
            if (configured is not null)
            {
                SecretKeys.TryGetEnvironmentType(configured, out type);
            }

            var existing = await tx.FindEnvironmentByTypeAsync(type);
            if (existing is null)
            {
                var created = new EnvironmentRecord(SecretKeys.NewEnvironmentId(), type, configured ?? SecretKeys.NewDevelopmentKey());
                await tx.InsertEnvironmentAsync(created);
                return created;
            }

            if (configured is not null && configured != existing.ApiKey)
            {
                await tx.UpdateEnvironmentKeyAsync(existing.Id, configured);
                return existing with { ApiKey = configured };
            }

            return existing;
        }, cancellationToken);
        StartupKey = environment.ApiKey;
        _byKey.Clear();
        _byKey[environment.ApiKey] = environment;
    }

    public async ValueTask<EnvironmentRecord?> FindAsync(string key, CancellationToken cancellationToken)
    {
        if (_byKey.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (!SecretKeys.TryGetEnvironmentType(key, out _))
        {
            return null;
        }

        var found = await store.ReadAsync(r => r.FindEnvironmentByKeyAsync(key), cancellationToken);
        if (found is not null)
        {
            _byKey[key] = found;
        }

        return found;
    }
}
