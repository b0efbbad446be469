using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Tasks.Server.Storage.Sqlite;

/// <summary>
/// The one writer of the SQLite file, committing in groups. Writes that arrive while a group is being written wait in line,
/// then run one after another in the next transaction, each inside its own savepoint so that a failing write is undone alone.
/// A commit is paid once per group instead of once per write, and a write's result is released only after its group committed.
/// </summary>
internal sealed class SqliteGroupWriter : IAsyncDisposable
{
    private const int MaxGroup = 256;
    private const string Savepoint = "write";
    private readonly SqliteConnection _connection;
    private readonly SqliteStatementCache _statements;
    private readonly Channel<IPendingWrite> _queue = Channel.CreateUnbounded<IPendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public SqliteGroupWriter(SqliteConnection connection)
    {
        _connection = connection;
        _statements = new SqliteStatementCache(connection);
        using (ExecutionContext.SuppressFlow())
        {
            _loop = Task.Run(WriteGroupsAsync);
        }
    }

    public Task<T> WriteAsync<T>(Func<IRunTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new PendingWrite<T>(work, cancellationToken);
        return _queue.Writer.TryWrite(write) ? write.Result : throw new ObjectDisposedException(nameof(SqliteGroupWriter));
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        _statements.Dispose();
        await _connection.DisposeAsync();
    }

    private async Task WriteGroupsAsync()
    {
        var group = new List<IPendingWrite>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var write))
            {
                if (!write.CancelIfRequested())
                {
                    group.Add(write);
                }
            }

            if (group.Count > 0)
            {
                await WriteGroupAsync(group);
                group.Clear();
            }
        }
    }

    private async Task WriteGroupAsync(List<IPendingWrite> group)
    {
        var written = new List<IPendingWrite>(group.Count);
        try
        {
            await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync();
            var tx = new SqliteRunTransaction(_connection, transaction, _statements);
            if (group.Count == 1)
            {
                // Alone in its group: a failure rolls the whole transaction back, no savepoint needed.
                if (await group[0].RunAsync(tx))
                {
                    written.Add(group[0]);
                }
            }
            else
            {
                foreach (var write in group)
                {
                    await transaction.SaveAsync(Savepoint);
                    if (await write.RunAsync(tx))
                    {
                        written.Add(write);
                    }
                    else
                    {
                        await transaction.RollbackAsync(Savepoint);
                    }

                    await transaction.ReleaseAsync(Savepoint);
                }
            }

            if (written.Count > 0)
            {
                await transaction.CommitAsync();
            }
        }
        catch (Exception exception)
        {
            foreach (var write in written)
            {
                write.Fail(exception);
            }

            foreach (var write in group)
            {
                write.Fail(exception); // no-op for writes that already failed on their own
            }

            return;
        }

        foreach (var write in written)
        {
            write.Complete();
        }
    }

    private interface IPendingWrite
    {
        /// <summary>True (and finished as cancelled) when the caller gave up before the write began.</summary>
        bool CancelIfRequested();

        /// <summary>Runs the write; false when it threw, in which case the caller already has the exception.</summary>
        Task<bool> RunAsync(IRunTransaction tx);

        /// <summary>Releases the result, once the group has committed.</summary>
        void Complete();

        void Fail(Exception exception);
    }

    private sealed class PendingWrite<T>(Func<IRunTransaction, Task<T>> work, CancellationToken cancellationToken) : IPendingWrite
    {
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _value;

        public Task<T> Result => _result.Task;

        public bool CancelIfRequested() => cancellationToken.IsCancellationRequested && _result.TrySetCanceled(cancellationToken);

        public async Task<bool> RunAsync(IRunTransaction tx)
        {
            try
            {
                _value = await work(tx);
                return true;
            }
            catch (Exception exception)
            {
                _result.TrySetException(exception);
                return false;
            }
        }

        public void Complete() => _result.TrySetResult(_value!);

        public void Fail(Exception exception) => _result.TrySetException(exception);
    }
}
