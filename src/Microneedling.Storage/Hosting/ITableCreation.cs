namespace Microneedling.Storage.Hosting;

/// <summary>Start-up's creation of the fixed tables, which runs beside the rest of start-up.</summary>
public interface ITableCreation
{
    /// <summary>Completes when the first attempt has ended, created or not (it is bounded); callers that need the tables wait for it.</summary>
    Task FirstAttempt { get; }
}
