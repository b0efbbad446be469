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
        var keys = new List<string?> { configured };
        keys.AddRange(options.Value.AdditionalSecretKeys);
        _byKey.Clear();
        foreach (var key in keys)
        {
            var environment = await EnsureEnvironmentAsync(key, cancellationToken);
            _byKey[environment.ApiKey] = environment;
            if (key == configured)
            {
                StartupKey = environment.ApiKey;
            }
        }
    }

    /// <summary>The environment a key names, created on first start; with no key, the dev environment with a generated key.</summary>
    private Task<EnvironmentRecord> EnsureEnvironmentAsync(string? key, CancellationToken cancellationToken)
    {
        var type = "dev";
        if (key is not null && !SecretKeys.TryGetEnvironmentType(key, out type))
        {
            throw new InvalidOperationException($"The configured secret key '{key[..Math.Min(8, key.Length)]}…' is not a Trigger.dev secret key: expected {SecretKeys.Describe()}.");
        }

        return store.WriteAsync(async tx =>
        {
            var existing = await tx.FindEnvironmentByTypeAsync(type);
            if (existing is null)
            {
                var created = new EnvironmentRecord(SecretKeys.NewEnvironmentId(), type, key ?? SecretKeys.NewDevelopmentKey());
                await tx.InsertEnvironmentAsync(created);
                return created;
            }

            if (key is not null && key != existing.ApiKey)
            {
                await tx.UpdateEnvironmentKeyAsync(existing.Id, key);
                return existing with { ApiKey = key };
            }

            return existing;
        }, cancellationToken);
    }

    public async ValueTask<EnvironmentRecord?> FindByIdAsync(string environmentId, CancellationToken cancellationToken) =>
        _byKey.Values.FirstOrDefault(e => e.Id == environmentId)
        ?? await store.ReadAsync(r => r.FindEnvironmentByIdAsync(environmentId), cancellationToken);

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
