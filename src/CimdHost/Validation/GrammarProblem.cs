namespace CimdHost.Validation;

/// <summary>What is wrong with a string under one of the URL or SPIFFE grammars, and where (0-based index).</summary>
internal sealed record GrammarProblem(string Rule, string Message, int Index = 0, bool IsWarning = false);
