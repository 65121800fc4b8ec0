using CimdHost.Validation;

namespace CimdHost.UnitTests.Validation;

public sealed class TemplateTextTests
{
    [Fact]
    public void Parse_Placeholders_SplitsLiteralsAndNamesWithTheirIndex()
    {
        var template = TemplateText.Parse("spiffe://td/ns/{namespace}/pod/{pod}", out var problem);

        Assert.Null(problem);
        Assert.Equal(["spiffe://td/ns/", "namespace", "/pod/", "pod"], template.Parts.Select(part => part.Text));
        Assert.Equal([false, true, false, true], template.Parts.Select(part => part.IsPlaceholder));
        Assert.Equal(15, template.Parts[1].Index);
        Assert.Equal("spiffe://td/ns/a/pod/b", template.Fill(name => name == "namespace" ? "a" : "b"));
    }

    [Theory]
    [InlineData("a{")]
    [InlineData("a{}")]
    [InlineData("a{1x}")]
    [InlineData("a{b-c}")]
    [InlineData("a}")]
    [InlineData("a{b")]
    public void Parse_StrayBrace_IsAProblem(string text)
    {
        TemplateText.Parse(text, out var problem);

        Assert.NotNull(problem);
    }

    [Fact]
    public void Parse_NoPlaceholders_IsOneLiteral()
    {
        var template = TemplateText.Parse("plain", out var problem);

        Assert.Null(problem);
        Assert.False(template.HasPlaceholders);
        Assert.Equal("plain", Assert.Single(template.Parts).Text);
    }
}
