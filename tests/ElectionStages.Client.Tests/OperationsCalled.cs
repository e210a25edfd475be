using System.Collections.Concurrent;
using ElectionStages.Api.Tests.Infrastructure;

namespace ElectionStages.Client.Tests;

/// <summary>Records which operations of openapi/v1.json the requests of a client called.</summary>
public sealed class OperationsCalled
{
    private readonly ConcurrentQueue<string> called = new();

    /// <summary>The operation ids called since the last <see cref="Clear"/>, in order.</summary>
    public IReadOnlyList<string> Ids => [.. called];

    /// <summary>An outer handler for the client under test: it notes the operation of every request.</summary>
    public DelegatingHandler Recorder() => new Recording(called);

    public void Clear() => called.Clear();

    /// <summary>
    /// Calls each operation of the document through the client once, by its id: the list must name them all, and each
    /// call must reach exactly its own operation.
    /// </summary>
    public async Task CallEachAsync(IReadOnlyDictionary<string, Func<Task>> calls)
    {
        Assert.Equal(Contract.OperationIds, calls.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, call) in calls)
        {
            Clear();
            await call();
            Assert.Equal([id], Ids);
        }
    }

    private sealed class Recording(ConcurrentQueue<string> called) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            called.Enqueue(Contract.OperationIdOf(request) ?? $"(outside the document: {request.Method} {request.RequestUri?.AbsolutePath})");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
