namespace CimdHost.Serving;

/// <summary>A definition with errors, as <c>/readyz</c> lists it: its state and its findings as <c>path:line:column</c> lines.</summary>
internal sealed record ReadinessProblem(string Path, string State, IReadOnlyList<string> Errors);
