using Microneedling.Storage.Entities;
using Microneedling.Storage.Tables;

namespace Microneedling.Storage.Intakes;

public sealed class IntakeRepository(ClinicTables tables)
{
    public async Task AddAsync(IntakeEntity intake, CancellationToken cancellationToken) =>
        await tables.Intakes.AddAsync(intake, cancellationToken).ConfigureAwait(false);

    public async Task<IntakeEntity?> GetAsync(string intakeId, CancellationToken cancellationToken) =>
        TableKeys.IsValidKey(intakeId)
            ? await tables.Intakes.GetIfExistsAsync<IntakeEntity>(intakeId, IntakeEntity.Row, cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>Records that a practitioner cleared the intake, only if it is unchanged since read (412 otherwise).</summary>
    public async Task ClearAsync(IntakeEntity intake, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intake);
        intake.ClearedByPractitioner = true;
        await tables.Intakes.ReplaceAsync(intake, intake.ETag, cancellationToken).ConfigureAwait(false);
    }
}
