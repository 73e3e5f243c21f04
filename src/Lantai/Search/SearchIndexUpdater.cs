using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lantai.Search;

/// <summary>
/// Keeps the index caught up with the outbox in the web server: polls every half second (a record saved on a page is
/// findable a moment later), follows a rebuild's new generation, and takes the writer over when another process
/// (a CLI command) held it. Start-up waits for the first catch-up (at most <see cref="StartupWait"/>), so the demo
/// data loaded at a fresh start is searchable as soon as the server answers. Runs only where a host starts hosted
/// services, like the JobRunner; the CLI catches up in the foreground (<see cref="SearchIndexer.TryCatchUpAsync"/>).
/// </summary>
public sealed partial class SearchIndexUpdater(IServiceScopeFactory scopes, SearchIndex index, SearchSignal signal, ILogger<SearchIndexUpdater> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan StartupWait = TimeSpan.FromSeconds(30);

    private Task? _first;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _first = Task.Run(() => RoundAsync(cancellationToken), CancellationToken.None);
        await Task.WhenAny(_first, Task.Delay(StartupWait, cancellationToken));
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_first is not null)
        {
            await _first;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(PollInterval, stoppingToken);
                await RoundAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One round: follow the pointer, catch up if this process is the writer. Failures are logged and retried next round.</summary>
    private async Task RoundAsync(CancellationToken cancellationToken)
    {
        try
        {
            index.Refresh();
            await using var scope = scopes.CreateAsyncScope();
            var applied = await scope.ServiceProvider.GetRequiredService<SearchIndexer>().TryCatchUpAsync(cancellationToken);
            if (applied > 0)
            {
                LogApplied(applied.Value, index.CommittedCursor);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // The index is derived: a failed round (database busy, disk full) is logged and tried again, never stops the server.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Search index applied {Count} outbox entries, cursor {Cursor}")]
    private partial void LogApplied(int count, long cursor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index update failed; retrying")]
    private partial void LogFailed(Exception exception);
}
