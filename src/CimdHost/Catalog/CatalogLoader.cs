using CimdHost.Definitions;
using CimdHost.Validation;

namespace CimdHost.Catalog;

/// <summary>
/// Loads a whole folder of definitions into a new <see cref="CatalogSnapshot"/>. Files whose content has not changed
/// since the last load are not read again; a file whose new version fails keeps serving its last good version.
/// </summary>
internal sealed class CatalogLoader(DefinitionValidator validator, TimeProvider time)
{
    private readonly Dictionary<string, FileResult> _files = new(StringComparer.Ordinal);

    public CatalogSnapshot Load(string directory, int defaultMaxAge, ReservedPaths reservedPaths, CatalogSnapshot previous)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException(
                $"The clients folder '{directory}' ({Path.GetFullPath(directory)}) does not exist; set Clients:Directory.");
        }

        var now = time.GetUtcNow();
        var files = DefinitionFile.EnumerateIn(directory)
            .Select(path => ReadFile(path, defaultMaxAge, now))
            .ToArray();

        foreach (var stale in _files.Keys.Except(files.Select(file => file.Path)).ToArray())
        {
            _files.Remove(stale);
        }

        var previousClients = previous.Definitions
            .Where(status => status.Client is not null)
            .ToDictionary(status => status.Path, status => status.Client!, StringComparer.Ordinal);

        return Resolve(files, previousClients, reservedPaths, previous.Generation + 1, now);
    }

    private FileResult ReadFile(string path, int defaultMaxAge, DateTimeOffset now)
    {
        DefinitionFile file;
        try
        {
            file = DefinitionFile.Open(path);
            if (file.Target is { Exists: false })
            {
                // A folder with a definition's name, or a link to nothing (for example mid-swap of a ConfigMap):
                // refused, so a client served from it keeps its last good version.
                var why = Directory.Exists(path) ? "is a folder, not a definition file" : "is a link to nothing";
                return new FileResult(path, "", [Unreadable(path, why)], null, now);
            }

            if (_files.TryGetValue(path, out var known) && known.Fingerprint == file.Fingerprint)
            {
                return known;
            }

            var result = Compile(file, defaultMaxAge, now);

            // Limitation: a file edited in place (truncated, then written) can be read between the two writes; it is
            // read again when it changed while being read, and write-then-rename editors are never seen half-written.
            var after = DefinitionFile.Open(path);
            if (after.Fingerprint != file.Fingerprint)
            {
                result = Compile(after, defaultMaxAge, now);
            }

            _files[path] = result;

            return result;
        }
        catch (IOException exception)
        {
            return new FileResult(path, "", [Unreadable(path, $"cannot be read: {exception.Message}")], null, now);
        }
        catch (UnauthorizedAccessException exception)
        {
            return new FileResult(path, "", [Unreadable(path, $"cannot be read: {exception.Message}")], null, now);
        }
    }

    private FileResult Compile(DefinitionFile file, int defaultMaxAge, DateTimeOffset now)
    {
        var findings = new List<Finding>();
        var definition = DefinitionReader.ReadFile(file.Path, file.Path, findings);
        CompiledClient? client = null;
        if (definition is not null)
        {
            findings.AddRange(validator.Check(definition));
            if (!findings.Any(finding => finding.IsError))
            {
                client = ClientCompiler.Compile(definition, defaultMaxAge, now, findings);
            }
        }

        return new FileResult(file.Path, file.Fingerprint, findings, client, now);
    }

    private static CatalogSnapshot Resolve(
        FileResult[] files,
        Dictionary<string, CompiledClient> previousClients,
        ReservedPaths reservedPaths,
        long generation,
        DateTimeOffset now)
    {
        // What was already served goes first, so a newly added or edited file never takes a working client
        // down: unchanged files, then changed ones (which may fall back to their last good version), then new ones.
        var ordered = files
            .OrderBy(file => previousClients.GetValueOrDefault(file.Path) is not { } previous ? 2 : previous == file.Client ? 0 : 1)
            .ThenBy(file => file.Path, StringComparer.Ordinal);

        var routes = new RouteTable();
        var byClientId = new Dictionary<string, CompiledClient>(StringComparer.Ordinal);
        var statuses = new Dictionary<string, DefinitionStatus>(StringComparer.Ordinal);
        foreach (var file in ordered)
        {
            var findings = new List<Finding>(file.Findings);
            CompiledClient? served = null;
            foreach (var candidate in new[] { file.Client, previousClients.GetValueOrDefault(file.Path) }.Distinct())
            {
                if (candidate is null)
                {
                    continue;
                }

                var refusal = Admit(candidate, byClientId, routes, reservedPaths);
                if (refusal is null)
                {
                    served = candidate;
                    break;
                }

                if (candidate == file.Client)
                {
                    findings.Add(refusal);
                }
            }

            var state = served is null ? DefinitionState.Refused
                : served == file.Client ? DefinitionState.Served
                : DefinitionState.ServedLastGood;
            statuses[file.Path] = new DefinitionStatus(file.Path, served?.ClientId ?? file.Client?.ClientId, state,
                served?.LoadedAt ?? file.LoadedAt, findings, served);
        }

        var inPathOrder = files.Select(file => statuses[file.Path]).ToArray();

        return new CatalogSnapshot(generation, now, inPathOrder, routes);
    }

    /// <summary>Adds a client to the routes unless a rule across files refuses it; returns that refusal.</summary>
    private static Finding? Admit(
        CompiledClient client,
        Dictionary<string, CompiledClient> byClientId,
        RouteTable routes,
        ReservedPaths reservedPaths)
    {
        if (byClientId.TryGetValue(client.ClientId, out var twin))
        {
            return Refusal(client, FindingRules.DuplicateClientId,
                $"client_id {client.ClientId} is also defined in {twin.SourcePath}:{twin.ClientIdMark}; each client needs its own");
        }

        if (ReservedPath(client, reservedPaths) is { } reserved)
        {
            return reserved;
        }

        if (!routes.TryAdd(client, out var conflict))
        {
            return Refusal(client, FindingRules.RouteConflict,
                $"client_id {client.ClientId} could answer the same URLs as {conflict.ClientId} in {conflict.SourcePath}:{conflict.ClientIdMark}; make their paths distinct");
        }

        byClientId.Add(client.ClientId, client);

        return null;
    }

    private static Finding? ReservedPath(CompiledClient client, ReservedPaths reservedPaths) =>
        reservedPaths.FindCollision(client) is { } reserved
            ? Refusal(client, FindingRules.ReservedPath,
                $"the path {reserved} is the service's own (health, status, metrics or OpenAPI) in any letter case; choose another path for client_id")
            : null;

    private static Finding Refusal(CompiledClient client, string rule, string message) =>
        new(client.SourcePath, client.ClientIdMark, FindingSeverity.Error, rule, message);

    private static Finding Unreadable(string path, string why) =>
        new(path, SourceMark.FileStart, FindingSeverity.Error, FindingRules.Unreadable, $"the entry {why}");

    /// <summary>What one version of one file gave, before any rule across files.</summary>
    private sealed record FileResult(
        string Path,
        string Fingerprint,
        IReadOnlyList<Finding> Findings,
        CompiledClient? Client,
        DateTimeOffset LoadedAt);
}
