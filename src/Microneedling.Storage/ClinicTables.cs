using Azure.Data.Tables;
using Microneedling.Storage.Tables;

namespace Microneedling.Storage;

/// <summary>
/// The app's fixed tables, on one <see cref="TableServiceClient"/> whose pipeline they share; made
/// once and reused (the SDK's clients are thread-safe). <see cref="CreateAsync"/> runs at start-up;
/// the reminder day tables come and go with the days and are created by their repository.
/// </summary>
public sealed class ClinicTables
{
    public ClinicTables(TableServiceClient service, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(prefix);
        Service = service;
        Prefix = prefix;
        Intakes = Table("Intakes");
        Bookings = Table("Bookings");
        Schedule = Table("ScheduleDays");
        Idempotency = Table("Idempotency");
        Recovery = Table("Recovery");
        OptOuts = Table("OptOuts");
        Audit = Table("Audit");
    }

    public string Prefix { get; }

    /// <summary>The names of the fixed tables, prefix included.</summary>
    public IEnumerable<string> Names => All.Select(t => t.Name);

    internal TableServiceClient Service { get; }

    internal GuardedTable Intakes { get; }

    internal GuardedTable Bookings { get; }

    /// <summary>Each practitioner's sessions, one row per day: what availability reads and claims check.</summary>
    internal GuardedTable Schedule { get; }

    internal GuardedTable Idempotency { get; }

    internal GuardedTable Recovery { get; }

    /// <summary>Patients who stopped optional emails, by a hash of their address.</summary>
    internal GuardedTable OptOuts { get; }

    /// <summary>Staff actions, appended and never changed; no patient data.</summary>
    internal GuardedTable Audit { get; }

    internal IEnumerable<GuardedTable> All => [Intakes, Bookings, Schedule, Idempotency, Recovery, OptOuts, Audit];

    /// <summary>Creates the fixed tables that do not exist yet (an existing one is not an error).</summary>
    public async Task CreateAsync(CancellationToken cancellationToken = default) =>
        await Task.WhenAll(All.Select(t => t.Client.CreateIfNotExistsAsync(cancellationToken))).ConfigureAwait(false);

    internal GuardedTable Table(string name) => new(Service.GetTableClient(Prefix + name));
}
