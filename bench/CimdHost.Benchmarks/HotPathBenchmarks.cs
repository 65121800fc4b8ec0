using BenchmarkDotNet.Attributes;
using CimdHost.Catalog;
using CimdHost.Management;
using CimdHost.Serving;
using CimdHost.Validation;

namespace CimdHost.Benchmarks;

/// <summary>
/// The per-request work, stage by stage: parse the raw target, match a route and check the values, render the
/// document, and the whole resolve-and-render path, on the shipped clients and on 10,000 definitions.
/// </summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private CatalogSnapshot _shipped = CatalogSnapshot.Empty;
    private CatalogSnapshot _many = CatalogSnapshot.Empty;
    private CompiledClient _example = null!;
    private string[] _values = [];
    private DirectoryInfo? _folder;

    [GlobalSetup]
    public void Setup()
    {
        var repository = FindRepository();
        _shipped = Load(Path.Combine(repository, "clients.d"));
        _example = _shipped.Clients.Single(client => client.ClientId == "https://example.com/client.json");
        _values = ["123456"];

        _folder = Directory.CreateTempSubdirectory("cimdhost-bench-");
        ManyDefinitions.Write(_folder.FullName, 10_000);
        foreach (var file in Directory.GetFiles(Path.Combine(repository, "clients.d")))
        {
            File.Copy(file, Path.Combine(_folder.FullName, Path.GetFileName(file)));
        }

        _many = Load(_folder.FullName);
    }

    [GlobalCleanup]
    public void Cleanup() => _folder?.Delete(recursive: true);

    [Benchmark]
    public int Parse() => RequestTarget.Parse("/client.json?instance_id=123456").Path.Length;

    [Benchmark]
    public bool Match() =>
        DocumentResolver.Resolve(_shipped, RequestTarget.Parse("/client.json?instance_id=123456"), "example.com").Problem is null;

    [Benchmark]
    public bool MatchAmong10000() =>
        DocumentResolver.Resolve(_many, RequestTarget.Parse("/client.json?instance_id=123456"), "example.com").Problem is null;

    [Benchmark]
    public bool MatchTemplateAmong10000() =>
        DocumentResolver.Resolve(_many, RequestTarget.Parse("/t/4711/123456.json"), "example.com").Problem is null;

    [Benchmark]
    public byte[] Render() => _example.Document.Render(_values);

    [Benchmark]
    public string RenderWithETag() =>
        new DocumentResult(_example.Document.Render(_values), _example.LastModified, _example.MaxAge).ETag;

    [Benchmark]
    public bool CheckFilledSpiffeId() =>
        SpiffeIdGrammar.Check("spiffe://example.org/client/123456", allowWildcard: false) is null;

    private static CatalogSnapshot Load(string folder) =>
        new CatalogLoader(new DefinitionValidator(), TimeProvider.System)
            .Load(folder, 300, new ReservedPaths(ManagementEndpoints.ReservedPaths), CatalogSnapshot.Empty);

    private static string FindRepository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CimdHost.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the benchmarks inside the repository.");
    }
}
