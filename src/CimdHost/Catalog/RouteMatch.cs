namespace CimdHost.Catalog;

/// <summary>A client whose route fits a request path, with the raw (still percent-encoded) value of each parameter.</summary>
internal readonly record struct RouteMatch(CompiledClient Client, string[] RawValues);
