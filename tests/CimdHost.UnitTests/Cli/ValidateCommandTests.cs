using System.Text.Json;
using CimdHost.Cli;

namespace CimdHost.UnitTests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private const string Good = """
        client_id: https://example.com/a.json
        client_name: Good
        token_endpoint_auth_method: spiffe_jwt
        grant_types: [client_credentials]
        response_types: []
        spiffe_id: spiffe://example.org/a
        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cimdhost-cli-");
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Fact]
    public void Validate_CleanFolder_PrintsTheSummaryAndExits0()
    {
        Write("good.yaml", Good);

        var exit = Run(_folder.FullName);

        Assert.Equal(ValidateCommand.Ok, exit);
        Assert.Equal("1 definitions checked: 1 valid, 0 errors, 0 warnings.", _output.ToString().Trim());
    }

    [Fact]
    public void Validate_Error_PrintsPathLineColumnAndExits1()
    {
        Write("good.yaml", Good);
        Write("bad.yaml", Good.Replace("https://example.com/a.json", "http://example.com/b.json", StringComparison.Ordinal));

        var exit = Run(_folder.FullName);

        var lines = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ValidateCommand.Failed, exit);
        Assert.Equal($"{Path.Combine(_folder.FullName, "bad.yaml")}:1:12: error: client_id: client_id must use https, not http (CIMD -03 section 3) [client-id-scheme]", lines[0]);
        Assert.Equal("2 definitions checked: 1 valid, 1 errors, 0 warnings.", lines[^1]);
    }

    [Fact]
    public void Validate_WarningOnly_Exits0_AndUnderStrictExits1()
    {
        Write("warn.yaml", Good.Replace("response_types: []\n", "", StringComparison.Ordinal));

        var relaxed = Run(_folder.FullName);
        var strict = Run(_folder.FullName, "--strict");

        Assert.Equal(ValidateCommand.Ok, relaxed);
        Assert.Equal(ValidateCommand.Failed, strict);
        Assert.Contains(": warning: ", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_JsonFormat_GivesTheSameFindingsForTools()
    {
        Write("bad.yaml", Good.Replace("spiffe_jwt", "client_secret_basic", StringComparison.Ordinal));

        var exit = Run(_folder.FullName, "--format", "json");

        using var report = JsonDocument.Parse(_output.ToString());
        var finding = Assert.Single(report.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal(ValidateCommand.Failed, exit);
        Assert.Equal(1, report.RootElement.GetProperty("errors").GetInt32());
        Assert.Equal("auth-method-shared-secret", finding.GetProperty("rule").GetString());
        Assert.Equal(3, finding.GetProperty("line").GetInt32());
        Assert.Equal(29, finding.GetProperty("column").GetInt32());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--no-such-option")]
    [InlineData("a", "b")]
    public void Validate_BadUsage_Exits2(params string[] args)
    {
        var exit = ValidateCommand.Run(args, _output, _error);

        Assert.Equal(ValidateCommand.Usage, exit);
        Assert.Contains("usage:", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingFolder_Exits2()
    {
        var exit = Run(Path.Combine(_folder.FullName, "nope"));

        Assert.Equal(ValidateCommand.Usage, exit);
        Assert.Contains("does not exist", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Help_Exits0()
    {
        var exit = ValidateCommand.Run(["--help"], _output, _error);

        Assert.Equal(ValidateCommand.Ok, exit);
        Assert.Contains("--strict", _output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _folder.Delete(recursive: true);
        _output.Dispose();
        _error.Dispose();
    }

    private int Run(params string[] args) => ValidateCommand.Run(args, _output, _error);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder.FullName, name), text);
}
