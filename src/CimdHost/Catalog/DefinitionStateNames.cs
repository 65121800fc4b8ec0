namespace CimdHost.Catalog;

/// <summary>How states are spelled wherever the service shows them (<c>/readyz</c>, <c>/clients</c>, metrics).</summary>
internal static class DefinitionStateNames
{
    public const string Served = "served";
    public const string ServedLastGood = "served_last_good";
    public const string Refused = "refused";

    public static string Of(DefinitionState state) => state switch
    {
        DefinitionState.Served => Served,
        DefinitionState.ServedLastGood => ServedLastGood,
        _ => Refused,
    };
}
