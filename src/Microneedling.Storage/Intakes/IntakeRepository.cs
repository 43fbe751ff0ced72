using Microneedling.Storage.Entities;
using Microneedling.Tables;

namespace Microneedling.Storage.Intakes;

public sealed class IntakeRepository(ClinicTables tables)
{
    public async Task AddAsync(IntakeEntity intake, CancellationToken cancellationToken) =>
        await tables.Intakes.AddEntityAsync(intake, cancellationToken).ConfigureAwait(false);

    public async Task<IntakeEntity?> GetAsync(string intakeId, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsValidKey(intakeId))
        {
            return null;
        }

        var found = await tables.Intakes.GetEntityIfExistsAsync<IntakeEntity>(intakeId, IntakeEntity.Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? found.Value : null;
    }
}
