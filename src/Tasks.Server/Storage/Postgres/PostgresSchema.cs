namespace Tasks.Server.Storage.Postgres;

/// <summary>Versioned migrations for PostgreSQL, applied in order at start under an advisory lock (two servers starting at once take turns).</summary>
internal static class PostgresSchema
{
    /// <summary>Any constant: the advisory lock that serializes migrations across servers.</summary>
    public const long MigrationLock = 0x7461736b73;

    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE environments (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL UNIQUE,
            api_key TEXT NOT NULL UNIQUE);

        CREATE TABLE tasks (
            env_id TEXT NOT NULL,
            task_id TEXT NOT NULL,
            queue TEXT NOT NULL,
            max_attempts INTEGER NOT NULL,
            min_retry_ms BIGINT NOT NULL,
            max_retry_ms BIGINT NOT NULL,
            retry_factor DOUBLE PRECISION NOT NULL,
            randomize_retry INTEGER NOT NULL,
            max_duration_ms BIGINT,
            ttl_ms BIGINT,
            updated_at BIGINT NOT NULL,
            PRIMARY KEY (env_id, task_id));

        CREATE TABLE queues (
            env_id TEXT NOT NULL,
            name TEXT NOT NULL,
            concurrency_limit INTEGER NOT NULL,
            PRIMARY KEY (env_id, name));

        CREATE TABLE runs (
            seq BIGSERIAL UNIQUE,
            id TEXT PRIMARY KEY,
            env_id TEXT NOT NULL,
            task_id TEXT NOT NULL,
            status TEXT NOT NULL,
            payload TEXT NOT NULL,
            payload_type TEXT NOT NULL,
            output TEXT,
            error TEXT,
            tags TEXT NOT NULL,
            metadata TEXT,
            queue TEXT NOT NULL,
            concurrency_key TEXT NOT NULL,
            queue_at BIGINT NOT NULL,
            idempotency_key TEXT,
            idempotency_key_user TEXT,
            idempotency_expires_at BIGINT,
            attempt_count INTEGER NOT NULL,
            max_attempts INTEGER NOT NULL,
            max_duration_ms BIGINT,
            ttl TEXT,
            ttl_expires_at BIGINT,
            delay_until BIGINT,
            available_at BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            started_at BIGINT,
            finished_at BIGINT,
            expired_at BIGINT,
            parent_run_id TEXT,
            root_run_id TEXT,
            depth INTEGER NOT NULL,
            trigger_function TEXT NOT NULL,
            batch_id TEXT,
            batch_index INTEGER,
            resume_parent INTEGER NOT NULL,
            lease_owner TEXT,
            lease_request TEXT,
            lease_expires_at BIGINT,
            waiting_for TEXT,
            wait_done INTEGER NOT NULL);

        CREATE INDEX runs_ready ON runs (env_id, status, task_id, queue_at);
        CREATE INDEX runs_due ON runs (env_id, status, available_at);
        CREATE INDEX runs_busy ON runs (env_id, queue, concurrency_key, status);
        CREATE INDEX runs_parent ON runs (parent_run_id);
        CREATE INDEX runs_batch ON runs (batch_id, batch_index);
        CREATE INDEX runs_lease ON runs (lease_expires_at) WHERE lease_expires_at IS NOT NULL;
        CREATE INDEX runs_lease_request ON runs (lease_owner, lease_request);
        CREATE INDEX runs_ttl ON runs (ttl_expires_at) WHERE ttl_expires_at IS NOT NULL AND attempt_count = 0;
        CREATE UNIQUE INDEX runs_idempotency ON runs (env_id, task_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
        CREATE INDEX runs_list ON runs (env_id, created_at);
        CREATE INDEX runs_waiting_for ON runs (waiting_for) WHERE waiting_for IS NOT NULL;

        CREATE TABLE attempts (
            run_id TEXT NOT NULL,
            number INTEGER NOT NULL,
            worker_id TEXT NOT NULL,
            started_at BIGINT NOT NULL,
            finished_at BIGINT,
            status TEXT NOT NULL,
            error TEXT,
            PRIMARY KEY (run_id, number));

        CREATE TABLE batches (
            id TEXT PRIMARY KEY,
            env_id TEXT NOT NULL,
            run_count INTEGER NOT NULL,
            sealed INTEGER NOT NULL,
            parent_run_id TEXT,
            resume_parent INTEGER NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL);

        CREATE TABLE request_keys (
            env_id TEXT NOT NULL,
            scope TEXT NOT NULL,
            key TEXT NOT NULL,
            response TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            PRIMARY KEY (env_id, scope, key));
        CREATE INDEX request_keys_age ON request_keys (created_at);

        CREATE TABLE packets (
            env_id TEXT NOT NULL,
            path TEXT NOT NULL,
            content_type TEXT NOT NULL,
            data BYTEA NOT NULL,
            created_at BIGINT NOT NULL,
            PRIMARY KEY (env_id, path));
        """,
        """
        DROP INDEX runs_ready;
        CREATE INDEX runs_fifo ON runs (env_id, status, queue_at, seq);
        CREATE INDEX runs_batch_open ON runs (batch_id) WHERE batch_id IS NOT NULL AND status NOT IN ('COMPLETED','CANCELED','FAILED','CRASHED','SYSTEM_FAILURE','EXPIRED','TIMED_OUT');
        """,
    ];
}
