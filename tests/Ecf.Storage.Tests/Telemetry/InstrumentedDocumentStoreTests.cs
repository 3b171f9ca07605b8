using System.Diagnostics;
using System.Diagnostics.Metrics;
using Ecf.Storage.Telemetry;
using Moq;

namespace Ecf.Storage.Tests.Telemetry;

/// <summary>
/// The store decorator's spans and measurements around a fake adapter. The source and meter are process-wide, so only
/// the container of these tests (a name of their own) is looked at.
/// </summary>
public sealed class InstrumentedDocumentStoreTests : IDisposable
{
    private readonly string _container = $"telemetry-{Guid.NewGuid():N}";
    private readonly List<Activity> _spans = [];
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly ActivityListener _listener;
    private readonly MeterListener _meters = new();

    public InstrumentedDocumentStoreTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == StorageTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem(StorageTelemetry.ContainerTag), _container))
                {
                    lock (_spans)
                    {
                        _spans.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == StorageTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var tagged = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                tagged[tag.Key] = tag.Value;
            }

            if (Equals(tagged.GetValueOrDefault(StorageTelemetry.ContainerTag), _container))
            {
                lock (_measurements)
                {
                    _measurements.Add((instrument.Name, value, tagged));
                }
            }
        });
        _meters.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meters.Dispose();
    }

    [Fact]
    public async Task BulkWrite_AdapterReportsChargesInParallel_OneSpanAndMeasurementsWithTheirSum()
    {
        var inner = Inner();
        inner.Setup(c => c.BulkWriteAsync(It.IsAny<IReadOnlyList<DocumentOperation>>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => StorageTelemetry.AddRequestCharge(1.25))));
                return [new BulkResult(null, null), new BulkResult(null, DocumentStoreError.Conflict)];
            });

        await Store(inner).GetContainer(_container).BulkWriteAsync([]);

        var span = Assert.Single(_spans);
        Assert.Equal($"bulk_write {_container}", span.DisplayName);
        Assert.Equal((ActivityKind.Client, "cosmos", "bulk_write", false), (span.Kind, span.GetTagItem(StorageTelemetry.SystemTag), span.GetTagItem(StorageTelemetry.OperationTag), span.GetTagItem(StorageTelemetry.PartitionKeyTag)));
        Assert.Equal((1, 5.0), (span.GetTagItem(StorageTelemetry.ItemCountTag), span.GetTagItem(StorageTelemetry.RequestUnitsTag)));
        Assert.Single(_measurements, m => m.Instrument == StorageTelemetry.DurationInstrument && m.Value > 0);
        Assert.Single(_measurements, m => m.Instrument == StorageTelemetry.RequestUnitsInstrument && m.Value == 5.0);
    }

    [Fact]
    public async Task Replace_StoreRefuses_ErrorSpanAndDurationTaggedWithTheError_NoRequestUnitsUnlessReported()
    {
        var inner = Inner();
        inner.Setup(c => c.ReplaceAsync("pk", "id", It.IsAny<ReadOnlyMemory<byte>>(), "stale", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new DocumentStoreException(DocumentStoreError.PreconditionFailed, "stale"));

        await Assert.ThrowsAsync<DocumentStoreException>(() => Store(inner).GetContainer(_container).ReplaceAsync("pk", "id", new byte[] { 1 }, "stale"));

        var span = Assert.Single(_spans);
        Assert.Equal((ActivityStatusCode.Error, "PreconditionFailed", true), (span.Status, span.GetTagItem(StorageTelemetry.ErrorTypeTag), span.GetTagItem(StorageTelemetry.PartitionKeyTag)));
        Assert.Null(span.GetTagItem(StorageTelemetry.RequestUnitsTag));
        var duration = Assert.Single(_measurements);
        Assert.Equal((StorageTelemetry.DurationInstrument, "PreconditionFailed"), (duration.Instrument, duration.Tags[StorageTelemetry.ErrorTypeTag]));
    }

    private Mock<IDocumentContainer> Inner()
    {
        var container = new Mock<IDocumentContainer>();
        container.SetupGet(c => c.Definition).Returns(new ContainerDefinition(_container, "/pk"));
        return container;
    }

    private static InstrumentedDocumentStore Store(Mock<IDocumentContainer> container)
    {
        var store = new Mock<IDocumentStore>();
        store.SetupGet(s => s.Kind).Returns("cosmos");
        store.Setup(s => s.GetContainer(It.IsAny<string>())).Returns(container.Object);
        return new InstrumentedDocumentStore(store.Object);
    }
}
