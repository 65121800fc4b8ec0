using CimdHost.Validation;

namespace CimdHost.UnitTests.Validation;

public sealed class LanguageTagTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("ja-Jpan-JP")]
    [InlineData("de-CH")]
    [InlineData("zh-Hant")]
    [InlineData("es-419")]
    [InlineData("sl-rozaj-biske")]
    [InlineData("en-US-x-twain")]
    [InlineData("x-whatever")]
    [InlineData("i-klingon")]
    [InlineData("EN-gb")]
    public void IsValid_Bcp47Tag_IsAccepted(string tag)
    {
        Assert.True(LanguageTag.IsValid(tag));
    }

    [Theory]
    [InlineData("")]
    [InlineData("en--US")]
    [InlineData("en_US")]
    [InlineData("e")]
    [InlineData("en-")]
    [InlineData("12")]
    [InlineData("en-US-")]
    [InlineData("toolonglanguage")]
    public void IsValid_NotATag_IsRefused(string tag)
    {
        Assert.False(LanguageTag.IsValid(tag));
    }
}
