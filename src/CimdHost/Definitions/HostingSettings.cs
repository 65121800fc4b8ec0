namespace CimdHost.Definitions;

/// <summary>The reserved <c>hosting</c> block: how a client is served. None of it is published.</summary>
internal sealed record HostingSettings(
    IReadOnlyList<ParameterSettings> Parameters,
    int? MaxAge,
    ClientIdQueryMode ClientIdQuery,
    SourceMark ClientIdQueryMark)
{
    public static HostingSettings Empty { get; } = new([], null, ClientIdQueryMode.Include, SourceMark.FileStart);
}
