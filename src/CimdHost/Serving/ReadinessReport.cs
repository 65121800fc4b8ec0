namespace CimdHost.Serving;

/// <summary>What <c>/readyz</c> says: whether the first load finished, and which definitions have errors.</summary>
internal sealed record ReadinessReport(string Status, long Generation, int Clients, IReadOnlyList<ReadinessProblem> Problems);
