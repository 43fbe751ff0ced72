using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microneedling.Domain.Intake;
using Microneedling.Domain.Reminders;
using Microneedling.Storage;
using Microneedling.Storage.Bookings;
using Microneedling.Storage.Entities;
using Microneedling.Storage.Idempotency;
using Microneedling.Storage.Intakes;
using Microneedling.Storage.Reminders;
using Microneedling.Testing;

// Usage: StorageAllocations
// Bytes this process allocates (GC.GetTotalAllocatedBytes, precise) per SDK operation, and per
// booking's storage work (key claim, intake read, intent, day claim, booking transaction,
// confirmation row, intent removal) one at a time and from 16 concurrent callers.
var azurite = new AzuriteFixture();
await azurite.InitializeAsync();
try
{
    var requests = new RequestCounter();
    var options = new TableClientOptions();
    options.AddPolicy(requests, HttpPipelinePosition.PerCall);
    var service = new TableServiceClient(azurite.ConnectionString, options);
    var tables = new ClinicTables(service, "a" + Guid.NewGuid().ToString("N")[..8]);
    await tables.CreateAsync();
    var now = DateTimeOffset.UtcNow;
    var table = service.GetTableClient(tables.Prefix + "Idempotency");
    IdempotencyEntity Row(string pk, string rk = "key") => new() { PartitionKey = pk, RowKey = rk, RequestHash = "h", ResourceId = "r", CreatedAt = now };

    Console.WriteLine("| operation | KB allocated per call |");
    Console.WriteLine("| --- | --- |");
    await PerCall("insert", i => table.AddEntityAsync(Row($"a{i}")));
    await PerCall("point read (found)", i => table.GetEntityIfExistsAsync<IdempotencyEntity>($"a{i}", "key"));
    await PerCall("point read (missing)", i => table.GetEntityIfExistsAsync<IdempotencyEntity>($"missing{i}", "key"));
    await PerCall("read, then conditional replace", async i =>
    {
        var row = (await table.GetEntityAsync<IdempotencyEntity>($"a{i}", "key")).Value;
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
    });
    await PerCall("delete", i => table.DeleteEntityAsync($"a{i}", "key"));
    await PerCall("transaction of 3 inserts", i => table.SubmitTransactionAsync([.. Enumerable.Range(1, 3).Select(r => new TableTransactionAction(TableTransactionActionType.Add, Row($"t{i}", $"{r}")))]));

    var intakes = new IntakeRepository(tables);
    var idempotency = new IdempotencyRepository(tables);
    var reminders = new ReminderQueue(tables);
    var workflow = new BookingWorkflow(new BookingRepository(tables), new ScheduleRepository(tables), new RecoveryRepository(tables), new Confirmation(reminders));
    await intakes.AddAsync(new IntakeEntity { Id = "in_1", Outcome = IntakeOutcome.Eligible, CreatedAt = now }, CancellationToken.None);
    var bookings = 0;
    async Task Book()
    {
        var i = Interlocked.Increment(ref bookings);
        var id = string.Create(CultureInfo.InvariantCulture, $"bk_{i:D6}");
        var start = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i * 2);
        var intake = intakes.GetAsync("in_1", CancellationToken.None);
        await idempotency.BeginAsync("POST /api/bookings", id, "{}", id, now, CancellationToken.None);
        await intake;
        var header = new BookingEntity { Id = id, ServiceId = "microneedling", LocationId = "main", IntakeId = "in_1", PatientName = "Patient", PatientEmail = "p@example.com", ManageTokenHash = "h", SessionCount = 1, CreatedAt = now, UpdatedAt = now };
        var session = new SessionEntity { Number = 1, PractitionerId = "p" + (i % 20), Start = start, End = start.AddHours(1), BlockedUntil = start.AddMinutes(75), Status = SessionStatus.Booked };
        await workflow.CreateAsync(header, [session], new ReceiptEntity { Body = new string('x', 600) }, CancellationToken.None);
    }

    for (var w = 0; w < 100; w++)
    {
        await Book();
    }

    Console.WriteLine();
    Console.WriteLine("| a booking's storage work | KB allocated per booking | requests per booking |");
    Console.WriteLine("| --- | --- | --- |");
    foreach (var (label, callers, count) in new[] { ("one at a time", 1, 400), ("16 concurrent callers", 16, 800) })
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var sent = requests.Count;
        var taken = 0;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref taken) <= count)
            {
                await Book();
            }
        })));
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {bytes / count / 1024.0:F1} | {(requests.Count - sent) / (double)count:F2} |"));
    }
}
finally
{
    await azurite.DisposeAsync();
}

static async Task PerCall(string name, Func<int, Task> operation)
{
    for (var w = 0; w < 50; w++)
    {
        await operation(1_000_000 + w);
    }

    GC.Collect();
    var before = GC.GetTotalAllocatedBytes(precise: true);
    const int Calls = 300;
    for (var i = 0; i < Calls; i++)
    {
        await operation(i);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {(GC.GetTotalAllocatedBytes(precise: true) - before) / Calls / 1024.0:F1} |"));
}

/// <summary>The booking's own email, as the app's follow-up schedules it.</summary>
internal sealed class Confirmation(ReminderQueue reminders) : IBookingFollowUp
{
    public Task OnChangedAsync(StoredBooking booking, BookingChange change, IReadOnlyCollection<int> sessionNumbers, DateTimeOffset now, CancellationToken cancellationToken) =>
        reminders.ScheduleAsync([ReminderEntity.Create(booking.Header.Id, 1, 0, ReminderKind.BookingConfirmation, now, booking.Sessions[0].Start)], cancellationToken);
}

internal sealed class RequestCounter : HttpPipelinePolicy
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref _count);
        return ProcessNextAsync(message, pipeline);
    }
}
