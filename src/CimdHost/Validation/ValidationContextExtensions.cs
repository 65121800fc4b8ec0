using CimdHost.Definitions;
using FluentValidation;
using FluentValidation.Results;

namespace CimdHost.Validation;

internal static class ValidationContextExtensions
{
    /// <summary>Adds a finding at a place in the file; the place travels in <see cref="ValidationFailure.CustomState"/>.</summary>
    public static void Report<T>(
        this ValidationContext<T> context,
        string rule,
        SourceMark mark,
        string message,
        FindingSeverity severity = FindingSeverity.Error)
    {
        context.AddFailure(new ValidationFailure(rule, message)
        {
            ErrorCode = rule,
            CustomState = mark,
            Severity = severity == FindingSeverity.Error ? Severity.Error : Severity.Warning,
        });
    }

    /// <summary>Reports a grammar problem at the column where it is, inside the string value <paramref name="at"/>.</summary>
    public static void Report<T>(this ValidationContext<T> context, GrammarProblem problem, YamlScalar at, string subject)
    {
        context.Report(problem.Rule, Offset(at, problem.Index), $"{subject}: {problem.Message}",
            problem.IsWarning ? FindingSeverity.Warning : FindingSeverity.Error);
    }

    /// <summary>
    /// The mark of a character inside a scalar. Exact for plain and quoted one-line scalars that need no escapes,
    /// which covers URLs and SPIFFE IDs; otherwise the scalar's own start.
    /// </summary>
    public static SourceMark Offset(YamlScalar scalar, int index) =>
        index <= 0 ? scalar.Mark : scalar.Mark with { Column = scalar.Mark.Column + index + scalar.QuoteWidth };
}
