using System.Globalization;

namespace Microneedling.Domain.Common;

/// <summary>An amount in one currency (ISO 4217 code).</summary>
public readonly record struct Money(decimal Amount, string Currency)
{
    public static Money Zero(string currency) => new(0m, currency);

    public Money Plus(Money other) => other.Currency == Currency
        ? new Money(Amount + other.Amount, Currency)
        : throw new InvalidOperationException($"Cannot add {other.Currency} to {Currency}.");

    public Money Times(int count) => new(Amount * count, Currency);

    /// <summary>Reduced by a percentage, rounded to the cent (away from zero at half).</summary>
    public Money LessPercent(decimal percent) => new(Math.Round(Amount * (100m - percent) / 100m, 2, MidpointRounding.AwayFromZero), Currency);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount:0.00} {Currency}");
}
