namespace CimdHost.Serving;

/// <summary>What <c>/readyz</c> says: whether a first load has succeeded, and which definitions have errors.</summary>
internal sealed record ReadinessReport(string Status, long Generation, int Clients, IReadOnlyList<ReadinessProblem> Problems);
