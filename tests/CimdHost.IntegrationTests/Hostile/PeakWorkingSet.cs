using System.Diagnostics;

namespace CimdHost.IntegrationTests.Hostile;

/// <summary>
/// Samples the process's working set until disposed, keeping the highest value seen: the memory a reload took at its
/// worst, which a before-and-after reading would miss once the garbage collector has run.
/// </summary>
internal sealed class PeakWorkingSet : IAsyncDisposable
{
    private static readonly TimeSpan MaxSampling = TimeSpan.FromMinutes(3);

    private readonly CancellationTokenSource _stop = new(MaxSampling);
    private readonly Task _sampling;
    private long _peak;

    private PeakWorkingSet()
    {
        Baseline = Current();
        _peak = Baseline;
        _sampling = Task.Run(SampleAsync);
    }

    /// <summary>The working set when sampling started, in bytes.</summary>
    public long Baseline { get; }

    /// <summary>The highest working set above <see cref="Baseline"/> seen so far, in bytes.</summary>
    public long Growth => Interlocked.Read(ref _peak) - Baseline;

    public static PeakWorkingSet Start() => new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private static long Current()
    {
        using var process = Process.GetCurrentProcess();

        return process.WorkingSet64;
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var current = Current();
            if (current > Interlocked.Read(ref _peak))
            {
                Interlocked.Exchange(ref _peak, current);
            }

            try
            {
                await Task.Delay(5, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
