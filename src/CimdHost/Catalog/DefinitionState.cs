namespace CimdHost.Catalog;

/// <summary>What the service does with a definition file right now.</summary>
internal enum DefinitionState
{
    /// <summary>The file's current version is served.</summary>
    Served,

    /// <summary>The current version is refused; the last version that passed is still served.</summary>
    ServedLastGood,

    /// <summary>Nothing is served for this file.</summary>
    Refused,
}
