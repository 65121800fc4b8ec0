namespace CimdHost.Validation;

/// <summary>The parts of a checked client_id: everything before the path, and the path (which may hold placeholders).</summary>
internal sealed record ClientIdUrl(string Origin, string Authority, string Host, string Path);
