namespace Microneedling.Domain.Common;

/// <summary>Why a rule said no: a stable machine-readable code and a sentence a person can act on.</summary>
public sealed record RuleViolation(string Code, string Message);

/// <summary>The outcome of applying rules: allowed, or the list of every reason it is not.</summary>
public sealed record RuleResult(IReadOnlyList<RuleViolation> Violations)
{
    public static RuleResult Allowed { get; } = new([]);

    public bool IsAllowed => Violations.Count == 0;

    public static RuleResult Refused(string code, string message) => new([new RuleViolation(code, message)]);

    public static RuleResult All(params RuleResult[] results) =>
        new([.. results.SelectMany(r => r.Violations)]);
}
