using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microneedling.Storage.Bookings;
using Microneedling.Storage.Entities;
using Microneedling.Testing;

namespace Microneedling.Storage.Tests;

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}

/// <summary>Fresh tables per test (a random prefix), and workflows over them; optionally one that dies at its Nth request.</summary>
public abstract class StorageTestBase(AzuriteFixture azurite) : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    protected static readonly DateTimeOffset Monday9 = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly string _prefix = "t" + Guid.NewGuid().ToString("N")[..10];

    protected ClinicTables Tables { get; private set; } = null!;

    protected string ConnectionString => azurite.ConnectionString;

    protected string Prefix => _prefix;

    protected BookingWorkflow Workflow { get; private set; } = null!;

    protected BookingRepository Bookings { get; private set; } = null!;

    protected ScheduleRepository Schedule { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Tables = new ClinicTables(new TableServiceClient(azurite.ConnectionString), _prefix);
        await Tables.CreateAsync();
        (Workflow, Bookings, Schedule) = Build(Tables);
    }

    public async Task DisposeAsync()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        await foreach (var table in service.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {_prefix} and TableName lt {_prefix + "~"}")))
        {
            await service.DeleteTableAsync(table.Name);
        }
    }

    /// <summary>A workflow whose process "dies" (throws) just before sending its request number <paramref name="fatalRequest"/>.</summary>
    protected BookingWorkflow Dying(int fatalRequest) => Build(TablesWith(new DieAtRequest(fatalRequest))).Workflow;

    /// <summary>The same tables through another client (as another app instance would see them), with a policy on every request.</summary>
    protected ClinicTables TablesWith(HttpPipelinePolicy policy)
    {
        var options = new TableClientOptions();
        options.AddPolicy(policy, HttpPipelinePosition.PerCall);
        return new ClinicTables(new TableServiceClient(azurite.ConnectionString, options), _prefix);
    }

    protected static (BookingEntity Header, List<SessionEntity> Sessions) NewBooking(string id, params (string Practitioner, DateTimeOffset Start)[] sessions) =>
        (new BookingEntity
        {
            Id = id, ServiceId = "microneedling", LocationId = "city", IntakeId = "in_1",
            PatientName = "Patient", PatientEmail = "patient@example.com", ManageTokenHash = "h", SessionCount = sessions.Length, CreatedAt = Now, UpdatedAt = Now,
        },
        [.. sessions.Select((s, i) => new SessionEntity
        {
            Number = i + 1, PractitionerId = s.Practitioner,
            Start = s.Start, End = s.Start.AddMinutes(60), BlockedUntil = s.Start.AddMinutes(75), Status = SessionStatus.Booked,
        })]);

    protected async Task<int> SessionRowsAsync(string practitioner) =>
        (await Schedule.GetSessionsAsync(practitioner, Monday9.AddDays(-1), Monday9.AddDays(60), CancellationToken.None)).Count;

    /// <summary>Intents still in the log: none once every change has finished.</summary>
    protected async Task<int> IntentsLeftAsync() =>
        (await new RecoveryRepository(Tables).OlderThanAsync(DateTimeOffset.MaxValue, CancellationToken.None)).Count;

    /// <summary>The practitioner's stored day rows: a released day is deleted, not left empty.</summary>
    protected async Task<int> DayRowsAsync(string practitioner)
    {
        var count = 0;
        await foreach (var _ in Tables.Schedule.QueryAsync<ScheduleDayEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {practitioner}"), CancellationToken.None))
        {
            count++;
        }

        return count;
    }

    private static (BookingWorkflow Workflow, BookingRepository Bookings, ScheduleRepository Schedule) Build(ClinicTables tables)
    {
        var bookings = new BookingRepository(tables);
        var schedule = new ScheduleRepository(tables);
        return (new BookingWorkflow(bookings, schedule, new RecoveryRepository(tables), new NoFollowUp()), bookings, schedule);
    }

    private sealed class DieAtRequest(int fatal) : HttpPipelinePolicy
    {
        private int _count;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            Interlocked.Increment(ref _count) >= fatal ? throw new SimulatedCrashException() : ProcessNextAsync(message, pipeline);
    }
}

public sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException()
        : base("The process died here.")
    {
    }

    public SimulatedCrashException(string message)
        : base(message)
    {
    }

    public SimulatedCrashException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
