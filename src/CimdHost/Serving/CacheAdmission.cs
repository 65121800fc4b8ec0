namespace CimdHost.Serving;

/// <summary>
/// Decides which documents the output cache may store: only those asked for once before, recently. A document is
/// usually fetched once per instance and authorization server within its max-age, and storing it costs the framework's
/// output cache several times what rendering it does (docs/performance.md), so a URL seen for the first time is
/// rendered and passed through, and one that comes back is kept. A flood of distinct instance values stores almost
/// nothing: only the few URLs the filter mistakes for repeats.
/// </summary>
/// <remarks>
/// This is the "doorkeeper" of TinyLFU (Einziger, Friedman and Manes, ACM Transactions on Storage 13(4), 2017,
/// section 3.4.2): one bit per hashed URL in a fixed array, cleared after a fixed number of first sightings, so its
/// memory is 128 KiB whatever the traffic, and a URL it has forgotten only costs one more render.
/// </remarks>
internal sealed class CacheAdmission
{
    /// <summary>Bits in the filter.</summary>
    public const int Capacity = 1 << 20;

    /// <summary>
    /// First sightings after which the filter starts again. At most one bit in eight is then set, so at most about one
    /// first request in eight is taken for a second one.
    /// </summary>
    public const int Window = Capacity / 8;

    private readonly long[] _seen = new long[Capacity / 64];
    private int _firstSightings;

    /// <summary>Records a request for the document and says whether one came before it within the window.</summary>
    /// <param name="client">The definition that serves the document.</param>
    /// <param name="target">The document's canonical request target.</param>
    public bool SeenBefore(string client, string target)
    {
        // Note: string hashes are seeded per process, so values cannot be chosen from outside to land on one bit.
        var hash = (uint)HashCode.Combine(client, target) % Capacity;
        var mask = 1L << (int)(hash % 64);
        if ((Interlocked.Or(ref _seen[hash / 64], mask) & mask) != 0)
        {
            return true;
        }

        // Note: racing requests may count past the window while it is cleared; that only makes one window longer.
        if (Interlocked.Increment(ref _firstSightings) == Window)
        {
            Array.Clear(_seen);
            Volatile.Write(ref _firstSightings, 0);
        }

        return false;
    }
}
