using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CimdHost.IntegrationTests.Management;

/// <summary>A logger provider that keeps every event id written, for tests that assert on events rather than text.</summary>
internal sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, EventId EventId)> _events = new();

    public IReadOnlyCollection<(string Category, EventId EventId)> Events => _events;

    public ILogger CreateLogger(string categoryName) => new Collecting(categoryName, _events);

    public void Dispose()
    {
    }

    private sealed class Collecting(string category, ConcurrentQueue<(string Category, EventId EventId)> events) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            events.Enqueue((category, eventId));
    }
}
