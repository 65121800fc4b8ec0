namespace CimdHost.Cli;

/// <summary>
/// The command line in front of the service: <c>validate</c>, help, and a clear refusal of unknown commands, so a
/// mistyped <c>vaildate</c> never starts a server by accident.
/// </summary>
internal static class CommandLine
{
    private const string Help = """
        Usage:
          CimdHost [--urls URLS] [--Key=Value ...]    run the service (see README: configuration)
          CimdHost validate [DIR] [--strict] [--format text|json]
                                                      check definitions as the service does when it loads them

        Configuration keys (also as environment variables, e.g. Clients__Directory):
          --urls                      the public listener (default http://localhost:8080)
          --Management:Urls           the management listener (default http://localhost:8081)
          --Clients:Directory         the definitions folder (default clients.d)
        """;

    /// <summary>Handles the arguments that are not the service's; <c>false</c> when the service should start.</summary>
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        switch (args)
        {
            case ["validate", .. var rest]:
                exitCode = ValidateCommand.Run(rest, Console.Out, Console.Error);
                return true;
            case ["--help" or "-h" or "-?" or "help", ..]:
                Console.Out.WriteLine(Help);
                return true;
            case [var first, ..] when !first.StartsWith('-') && !first.Contains('=', StringComparison.Ordinal):
                Console.Error.WriteLine($"CimdHost: unknown command '{first}'.");
                Console.Error.WriteLine(Help);
                exitCode = ValidateCommand.Usage;
                return true;
            default:
                return false;
        }
    }
}
