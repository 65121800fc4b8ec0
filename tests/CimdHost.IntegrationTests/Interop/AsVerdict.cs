namespace CimdHost.IntegrationTests.Interop;

/// <summary>What the test AS decided about one client authentication, and why.</summary>
internal sealed record AsVerdict(AsCheck FailedCheck, string Detail)
{
    public static AsVerdict Accepted { get; } = new(AsCheck.None, "accepted");

    public bool IsAccepted => FailedCheck == AsCheck.None;

    public static AsVerdict Refused(AsCheck check, string detail) => new(check, detail);

    public override string ToString() => IsAccepted ? "accepted" : $"refused by the {FailedCheck} check: {Detail}";
}
