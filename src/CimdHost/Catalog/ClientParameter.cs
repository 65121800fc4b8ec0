using System.Text.RegularExpressions;

namespace CimdHost.Catalog;

/// <summary>A declared parameter, ready to check request values against.</summary>
internal sealed record ClientParameter(string Name, int MaxLength, Regex? Pattern, string? PatternText, string? Example);
