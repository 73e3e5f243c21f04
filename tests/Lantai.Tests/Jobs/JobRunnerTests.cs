using System.Text.Json;
using Lantai.Jobs;
using Lantai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Tests.Jobs;

public sealed class JobRunnerTests
{
    /// <summary>A real handler of the tests' own: echoes its payload, or fails with a message for people.</summary>
    private sealed class EchoHandler : IJobHandler
    {
        public string Kind => "test.echo";

        public Task<string?> RunAsync(Job job, IProgress<JobProgress> progress, CancellationToken cancellationToken)
        {
            var text = JsonSerializer.Deserialize<string>(job.Payload, JobJson.Options)!;
            if (text == "fail")
            {
                throw new JobFailedException("第2行 题名: 题名不能为空");
            }

            progress.Report(new JobProgress(1, 1, "完成"));
            return Task.FromResult<string?>(JsonSerializer.Serialize(text.ToUpperInvariant(), JobJson.Options));
        }
    }

    private static ServiceProvider Services(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLantaiEngine(database.Options);
        services.AddSingleton<IJobHandler, EchoHandler>();
        return services.BuildServiceProvider();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RunNext_QueuedJob_StoresResultAndProgress(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        Guid id;
        await using (var scope = services.CreateAsyncScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<JobQueue>().EnqueueAsync("test.echo", "档案", "tester", default)).Id;
        }

        Assert.True(await services.GetRequiredService<JobRunner>().RunNextAsync(default));

        await using var db = database.CreateContext();
        var job = await db.Jobs.SingleAsync(j => j.Id == id);
        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Equal("\"档案\"", job.Output);
        Assert.Equal(1, job.Done);
        Assert.False(await services.GetRequiredService<JobRunner>().RunNextAsync(default));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RunNext_HandlerRefusesInput_RecordsFailureMessage(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<JobQueue>().EnqueueAsync("test.echo", "fail", "tester", default);
        }

        await services.GetRequiredService<JobRunner>().RunNextAsync(default);

        await using var db = database.CreateContext();
        var job = await db.Jobs.SingleAsync();
        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal("第2行 题名: 题名不能为空", job.Error);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Start_AfterCrashMidJob_RequeuesAndRunsIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        await using (var db = database.CreateContext())
        {
            db.Jobs.Add(new Job { Kind = "test.echo", Actor = "tester", Payload = "\"x\"", State = JobState.Running });
            await db.SaveChangesAsync();
        }

        var runner = services.GetRequiredService<JobRunner>();
        await runner.RequeueInterruptedAsync(default);
        await runner.RunNextAsync(default);

        await using var check = database.CreateContext();
        var job = await check.Jobs.SingleAsync();
        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Equal(1, job.Attempts);
    }
}
