using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Azure.Data.Tables;
using Microneedling.Domain.Reminders;
using Microneedling.Email.Acs;
using Microneedling.Functions.Api;
using Microneedling.Functions.Email;
using Microneedling.Functions.PatientLinks;
using Microneedling.Functions.Reminders;
using Microneedling.Functions.Telemetry;
using Microneedling.Storage;
using Microneedling.Storage.Bookings;
using Microneedling.Storage.Entities;
using Microneedling.Storage.Intakes;
using Microneedling.Storage.OptOuts;
using Microneedling.Storage.Reminders;
using Microneedling.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Usage: ReminderSweepScale [LARGE_BOOKINGS] [RUNS] [calendars]
// "calendars" sends confirmations and reschedule notices (each with .ics invites) instead of plain reminders.
var large = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
ReminderKind[] kinds = args.Length > 2 && args[2] == "calendars"
    ? [ReminderKind.BookingConfirmation, ReminderKind.Rescheduled]
    : [ReminderKind.PreCare, ReminderKind.AftercareDay1, ReminderKind.AftercareDay3];
const int Due = 1_000;
var azurite = new AzuriteFixture();
await azurite.InitializeAsync();
await using var acs = await AcsLoopbackServer.StartAsync();
try
{
    Console.WriteLine($"Azurite 3.35.0 in memory, loopback ACS server, pacing off; {Due} due reminders per sweep ({string.Join(", ", kinds)}); median of {runs} sweeps; {Environment.ProcessorCount} cores.");
    Console.WriteLine();
    Console.WriteLine("| bookings stored | future reminders stored | seed s | sweep s (median) | sweeps s | reminders/s | app CPU ms per reminder (median) |");
    Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
    var medians = new List<double>();
    foreach (var stored in new[] { Due, large })
    {
        medians.Add(await ScenarioAsync(stored, runs, kinds, azurite, acs));
    }

    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio (many / few): {medians[1] / medians[0]:F2}"));
}
finally
{
    await azurite.DisposeAsync();
}

static async Task<double> ScenarioAsync(int stored, int runs, ReminderKind[] kinds, AzuriteFixture azurite, AcsLoopbackServer acs)
{
    var prefix = "s" + Guid.NewGuid().ToString("N")[..10];
    var service = new TableServiceClient(azurite.ConnectionString);
    var tables = new ClinicTables(service, prefix);
    await tables.CreateAsync();
    var reminders = new ReminderQueue(tables);
    var bookings = service.GetTableClient(prefix + "Bookings");
    var clinic = TestClinic.Create();
    var now = DateTimeOffset.UtcNow;
    var start = now.AddDays(2);

    var seed = Stopwatch.StartNew();
    await Parallel.ForEachAsync(Enumerable.Range(0, stored), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
    {
        var id = $"bk_{i:D7}";
        await bookings.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new BookingEntity { Id = id, Status = BookingStatus.Confirmed, ServiceId = "microneedling", LocationId = "city", IntakeId = "in_x", PatientName = "Patient", PatientEmail = $"p{i}@example.com", ManageTokenHash = "h", SessionCount = 1, CreatedAt = now, UpdatedAt = now }),
            new(TableTransactionActionType.Add, new SessionEntity { PartitionKey = id, RowKey = SessionEntity.RowFor(1), Number = 1, PractitionerId = "amira", Start = start, End = start.AddHours(1), BlockedUntil = start.AddMinutes(75), Status = SessionStatus.Booked }),
        ], ct);
    });

    // Every stored booking also has reminders due later in the year: the sweep must not pay for them.
    var future = Enumerable.Range(0, stored).SelectMany(i => new[]
    {
        ReminderEntity.Create($"bk_{i:D7}", 1, 0, ReminderKind.Maintenance, now.AddDays(3 + (i % 360)).AddMinutes(i % 600), now.AddDays(400)),
        ReminderEntity.Create($"bk_{i:D7}", 1, 0, ReminderKind.HealingCheckDay7, now.AddDays(3 + ((i * 7) % 360)).AddMinutes(i % 500), now.AddDays(400)),
    }).GroupBy(r => (Table: ReminderEntity.TableFor(r.DueAt), r.PartitionKey)).SelectMany(g => g.Chunk(100).Select(chunk => (g.Key.Table, chunk))).ToList();
    foreach (var name in future.Select(f => f.Table).Distinct())
    {
        await service.GetTableClient(prefix + name).CreateIfNotExistsAsync();
    }

    await Parallel.ForEachAsync(future, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (f, ct) =>
        await service.GetTableClient(prefix + f.Table).SubmitTransactionAsync(f.chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), ct));
    var seedSeconds = seed.Elapsed.TotalSeconds;

    var sweep = Sweep(clinic, tables, reminders, acs);
    var times = new List<double>();
    var cpu = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        var kind = kinds[run % kinds.Length];
        await reminders.ScheduleAsync(Enumerable.Range(0, Due).Select(i => ReminderEntity.Create($"bk_{i:D7}", 1, 0, kind, now.AddMinutes(-30 - run).AddSeconds(i % 60), start)), CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var processor = Process.GetCurrentProcess().TotalProcessorTime;
        var result = await sweep.RunAsync(CancellationToken.None);
        times.Add(clock.Elapsed.TotalSeconds);
        cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - processor).TotalMilliseconds / Due);
        if (result.Sent != Due)
        {
            throw new InvalidOperationException($"Expected {Due} sent, got {result}.");
        }
    }

    times.Sort();
    cpu.Sort();
    var median = times[times.Count / 2];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {stored:N0} | {future.Sum(f => f.chunk.Length):N0} | {seedSeconds:F0} | {median:F2} | {string.Join(", ", times.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))} | {Due / median:F0} | {cpu[cpu.Count / 2]:F2} |"));
    return median;
}

static ReminderSweep Sweep(Microneedling.Domain.Clinics.Clinic clinic, ClinicTables tables, ReminderQueue reminders, AcsLoopbackServer acs)
{
    var keys = Options.Create(new ManageTokenOptions { ManageTokenKey = Convert.ToBase64String(new byte[32]) });
    var links = new PageLinks(clinic, Options.Create(new ApiOptions()));
    var emails = new ReminderEmails(clinic, EmailServiceCollectionExtensions.Branding(clinic, links), new ManageTokens(keys), new UnsubscribeTokens(keys), links, TimeProvider.System);
    var sender = new AcsEmailSender(new AcsEmailClient(acs.ConnectionString), new SendPacer(new AcsPacingOptions { PerMinute = 0, PerHour = 0 }, TimeProvider.System));
    var scheduler = new ReminderScheduler(clinic, reminders, new ChangeEmailQueue(), Options.Create(new ChangeEmailOptions { SendChangeEmailsAtOnce = false }));
    var snapshots = new ReminderSnapshots(clinic, new EmailLog(tables), new IntakeRepository(tables), new OptOutRepository(tables));
    var metrics = new ClinicMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());
    var delivery = new ReminderDelivery(reminders, new EmailLog(tables), new BookingRepository(tables), snapshots, emails, scheduler, sender, metrics, NullLogger<ReminderDelivery>.Instance);
    return new ReminderSweep(reminders, new SweepCheckpoint(tables), delivery, metrics, TimeProvider.System, NullLogger<ReminderSweep>.Instance);
}
