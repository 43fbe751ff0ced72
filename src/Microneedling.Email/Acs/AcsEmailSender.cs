namespace Microneedling.Email.Acs;

public sealed class AcsPacingOptions
{
    /// <summary>Sends per minute (ACS's default custom-domain quota is 30); 0 turns pacing off.</summary>
    public int PerMinute { get; set; } = 30;

    /// <summary>Sends per hour (default quota 100); 0 turns it off.</summary>
    public int PerHour { get; set; } = 100;
}

/// <summary>Sends through ACS, pacing itself to stay inside the resource's quotas.</summary>
public sealed class AcsEmailSender(AcsEmailClient client, SendPacer pacer) : IEmailSender
{
    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        await pacer.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
        return (await client.SendAsync(message, cancellationToken).ConfigureAwait(false)).Value;
    }

    public async Task<EmailSendResult?> GetStatusAsync(Guid operationId, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.GetStatusAsync(operationId, cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}

/// <summary>A sliding-window pacer: waits until a send fits under each per-minute and per-hour limit.</summary>
public sealed class SendPacer(AcsPacingOptions options, TimeProvider clock)
{
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var now = clock.GetUtcNow();
                while (_sent.Count > 0 && _sent.Peek() <= now - TimeSpan.FromHours(1))
                {
                    _sent.Dequeue();
                }

                var wait = Wait(now, TimeSpan.FromMinutes(1), options.PerMinute);
                var hourly = Wait(now, TimeSpan.FromHours(1), options.PerHour);
                wait = hourly > wait ? hourly : wait;
                if (wait <= TimeSpan.Zero)
                {
                    _sent.Enqueue(now);
                    return;
                }

                await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private TimeSpan Wait(DateTimeOffset now, TimeSpan window, int limit)
    {
        if (limit <= 0)
        {
            return TimeSpan.Zero;
        }

        var inWindow = _sent.Where(t => t > now - window).ToList();
        return inWindow.Count < limit ? TimeSpan.Zero : inWindow[^limit] + window - now;
    }
}
