using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CimdHost.Catalog;
using CimdHost.Management;
using CimdHost.Validation;

namespace CimdHost.Cli;

/// <summary>
/// <c>CimdHost validate [DIR] [--strict] [--format text|json]</c>: the checks the service runs at load, for ops' CI.
/// Exit code 0 without errors, 1 with errors (or warnings under --strict), 2 for bad usage.
/// </summary>
internal static class ValidateCommand
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var directory = new Argument<string?>("directory")
        {
            Description = "The folder of definitions (default: Clients:Directory, else clients.d).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var strict = new Option<bool>("--strict") { Description = "Fail on warnings too." };
        var format = new Option<string>("--format")
        {
            Description = "text (path:line:column: lines) or json.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        directory.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: ['-', ..] value }])
            {
                result.AddError($"unknown option {value}");
            }
        });

        var command = new Command("validate", "Checks client definitions the way CimdHost does when it loads them.")
        {
            directory, strict, format,
        };
        var root = new RootCommand("CimdHost serves OAuth Client ID Metadata Documents for SPIFFE workloads.") { command };

        var parsed = root.Parse(["validate", .. args]);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine($"validate: {problem.Message}");
            }

            error.WriteLine("usage: CimdHost validate [DIR] [--strict] [--format text|json]");
            return Usage;
        }

        if (args.Contains("--help") || args.Contains("-h") || args.Contains("-?"))
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
        }

        var folder = parsed.GetValue(directory) ?? DefaultDirectory();

        return Validate(folder, parsed.GetValue(strict), parsed.GetValue(format) == "json", output, error);
    }

    private static int Validate(string folder, bool strict, bool json, TextWriter output, TextWriter error)
    {
        if (File.Exists(folder))
        {
            error.WriteLine($"validate: '{folder}' is a file; give the folder of definitions that holds it");
            return Usage;
        }

        if (!Directory.Exists(folder))
        {
            error.WriteLine($"validate: the folder '{folder}' does not exist");
            return Usage;
        }

        var loader = new CatalogLoader(new DefinitionValidator(), TimeProvider.System);
        var snapshot = loader.Load(folder, new ClientsOptions().DefaultMaxAge, new ReservedPaths(ManagementEndpoints.ReservedPaths),
            CatalogSnapshot.Empty);
        var findings = snapshot.Definitions
            .SelectMany(status => status.Findings)
            .OrderBy(finding => finding.Path, StringComparer.Ordinal)
            .ThenBy(finding => finding.Mark.Line)
            .ThenBy(finding => finding.Mark.Column)
            .ToArray();
        var errors = findings.Count(finding => finding.IsError);
        var warnings = findings.Length - errors;

        if (json)
        {
            WriteJson(output, snapshot, findings, errors, warnings);
        }
        else
        {
            foreach (var finding in findings)
            {
                output.WriteLine(finding);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{snapshot.Definitions.Count} definitions checked: {snapshot.Clients.Count} valid, {errors} errors, {warnings} warnings."));
        }

        return errors > 0 || strict && warnings > 0 ? Failed : Ok;
    }

    private static void WriteJson(TextWriter output, CatalogSnapshot snapshot, Finding[] findings, int errors, int warnings)
    {
        var report = new
        {
            definitions = snapshot.Definitions.Count,
            valid = snapshot.Clients.Count,
            errors,
            warnings,
            findings = findings.Select(finding => new
            {
                path = finding.Path,
                line = finding.Mark.Line,
                column = finding.Mark.Column,
                severity = finding.SeverityName,
                rule = finding.Rule,
                message = finding.Message,
            }),
        };

        output.WriteLine(JsonSerializer.Serialize(report, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private static string DefaultDirectory() =>
        new ConfigurationBuilder().AddEnvironmentVariables().Build()[$"{ClientsOptions.SectionName}:Directory"]
        ?? new ClientsOptions().Directory;
}
