namespace Tasks.Server.Hosting;

/// <summary>Server settings; bind from configuration section <c>Tasks</c> or set in code when embedding.</summary>
public sealed class TasksServerOptions
{
    /// <summary>Where the SQLite database lives (default <c>.tasks/</c> under the working directory).</summary>
    public string DataDirectory { get; set; } = ".tasks";

    /// <summary>
    /// A PostgreSQL connection string: when set, the server stores runs in PostgreSQL instead of SQLite, and any number of servers
    /// can share that database. Also read from <c>ConnectionStrings:Tasks</c>.
    /// </summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>The secret key of the environment it names (<c>tr_dev_…</c>); default <c>TRIGGER_SECRET_KEY</c>, else a generated dev key kept with the data.</summary>
    public string? SecretKey { get; set; }

    /// <summary>
    /// Secret keys of further environments (<c>tr_prod_…</c>, <c>tr_stg_…</c>, <c>tr_preview_…</c>): one key per environment, and a key
    /// never sees another environment's runs.
    /// </summary>
    public IList<string> AdditionalSecretKeys { get; } = [];

    /// <summary>How long a worker holds a run without heartbeating before it is retried elsewhere.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often expired leases and TTLs are swept.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest trigger body (Trigger.dev: 3 MiB); larger requests get 413.</summary>
    public long MaxPayloadBytes { get; set; } = 3 * 1024 * 1024;

    /// <summary>Serve the dashboard under <c>/dashboard</c> (default true). It always needs sign-in.</summary>
    public bool DashboardEnabled { get; set; } = true;

    /// <summary>
    /// The token people sign in to the dashboard with; default <c>TASKS_DASHBOARD_TOKEN</c>, else one generated on first start, kept
    /// in <see cref="DataDirectory"/> and printed at start. Servers sharing one PostgreSQL database should all be given the same token.
    /// </summary>
    public string? DashboardToken { get; set; }

    internal string DatabasePath => Path.Combine(DataDirectory, "tasks.db");
}
