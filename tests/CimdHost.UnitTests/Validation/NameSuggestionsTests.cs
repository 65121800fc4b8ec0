using CimdHost.Validation;

namespace CimdHost.UnitTests.Validation;

public sealed class NameSuggestionsTests
{
    [Theory]
    [InlineData("paramters", "parameters")]
    [InlineData("client_nmae", "client_name")]
    [InlineData("max_agee", "max_age")]
    public void Closest_OneOrTwoEditsAway_SuggestsTheKnownName(string typo, string expected)
    {
        Assert.Equal(expected, NameSuggestions.Closest(typo, ["parameters", "max_age", "client_name", "client_id"]));
    }

    [Fact]
    public void Closest_FarFromEveryName_SuggestsNothing()
    {
        Assert.Null(NameSuggestions.Closest("software_id", ["parameters", "max_age"]));
    }

    [Fact]
    public void Distance_Transposition_CountsAsOneEdit()
    {
        Assert.Equal(1, NameSuggestions.Distance("nmae", "name"));
    }
}
