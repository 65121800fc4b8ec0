using System.Text.RegularExpressions;
using CimdHost.Validation;

namespace CimdHost.UnitTests.Validation;

public sealed class ParameterPatternTests
{
    [Fact]
    public void Pattern_MatchesTheWholeValue_WithTheNonBacktrackingEngine()
    {
        Assert.True(ParameterPattern.TryCreate("[0-9]{1,6}", out var regex, out _));

        Assert.Matches(regex, "7");
        Assert.DoesNotMatch(regex, "1234567");
        Assert.DoesNotMatch(regex, "7\n");
        Assert.True(regex.Options.HasFlag(RegexOptions.NonBacktracking));
    }

    [Fact]
    public void Pattern_HasNoMatchTimeout()
    {
        // With a timeout, this engine was seen answering "no match" for a valid value on a starved CPU.
        Assert.True(ParameterPattern.TryCreate("[a-z]{1,8}", out var regex, out _));

        Assert.Equal(Regex.InfiniteMatchTimeout, regex.MatchTimeout);
    }

    [Fact]
    public void Pattern_ThatDoesNotCompile_SaysWhy()
    {
        Assert.False(ParameterPattern.TryCreate("[0-9", out _, out var error));

        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
