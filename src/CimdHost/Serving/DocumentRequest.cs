using CimdHost.Catalog;

namespace CimdHost.Serving;

/// <summary>What a document request resolved to: a client and its checked values, or the problem that stops it.</summary>
internal sealed record DocumentRequest(CompiledClient? Client, IReadOnlyList<string> Values, DocumentProblem? Problem)
{
    public static DocumentRequest Fail(DocumentProblem problem, CompiledClient? client = null) => new(client, [], problem);

    public static DocumentRequest Serve(CompiledClient client, IReadOnlyList<string> values) => new(client, values, null);

    /// <summary>The canonical target of a served request; the output-cache key.</summary>
    public string Target => Client!.Target(Values);
}
