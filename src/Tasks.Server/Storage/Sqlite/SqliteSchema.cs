namespace Tasks.Server.Storage.Sqlite;

/// <summary>Versioned migrations, applied in order at start; <c>PRAGMA user_version</c> records the last one applied.</summary>
internal static class SqliteSchema
{
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
            min_retry_ms INTEGER NOT NULL,
            max_retry_ms INTEGER NOT NULL,
            retry_factor REAL NOT NULL,
            randomize_retry INTEGER NOT NULL,
            max_duration_ms INTEGER,
            ttl_ms INTEGER,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (env_id, task_id));

        CREATE TABLE queues (
            env_id TEXT NOT NULL,
            name TEXT NOT NULL,
            concurrency_limit INTEGER NOT NULL,
            PRIMARY KEY (env_id, name));

        CREATE TABLE runs (
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
            queue_at INTEGER NOT NULL,
            idempotency_key TEXT,
            idempotency_key_user TEXT,
            idempotency_expires_at INTEGER,
            attempt_count INTEGER NOT NULL,
            max_attempts INTEGER NOT NULL,
            max_duration_ms INTEGER,
            ttl TEXT,
            ttl_expires_at INTEGER,
            delay_until INTEGER,
            available_at INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            started_at INTEGER,
            finished_at INTEGER,
            expired_at INTEGER,
            parent_run_id TEXT,
            root_run_id TEXT,
            depth INTEGER NOT NULL,
            trigger_function TEXT NOT NULL,
            batch_id TEXT,
            batch_index INTEGER,
            resume_parent INTEGER NOT NULL,
            lease_owner TEXT,
            lease_request TEXT,
            lease_expires_at INTEGER,
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

        CREATE TABLE attempts (
            run_id TEXT NOT NULL,
            number INTEGER NOT NULL,
            worker_id TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            finished_at INTEGER,
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
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL);

        CREATE TABLE request_keys (
            env_id TEXT NOT NULL,
            scope TEXT NOT NULL,
            key TEXT NOT NULL,
            response TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (env_id, scope, key));
        CREATE INDEX request_keys_age ON request_keys (created_at);
        """,
        """
        CREATE TABLE packets (
            env_id TEXT NOT NULL,
            path TEXT NOT NULL,
            content_type TEXT NOT NULL,
            data BLOB NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (env_id, path));
        CREATE INDEX runs_list ON runs (env_id, created_at);
        CREATE INDEX runs_waiting_for ON runs (waiting_for) WHERE waiting_for IS NOT NULL;
        """,
        """
        DROP INDEX runs_ready;
        CREATE INDEX runs_fifo ON runs (env_id, status, queue_at);
        CREATE INDEX runs_batch_open ON runs (batch_id) WHERE batch_id IS NOT NULL AND status NOT IN ('COMPLETED','CANCELED','FAILED','CRASHED','SYSTEM_FAILURE','EXPIRED','TIMED_OUT');
        """,
    ];
}
