using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ecf.Storage.Telemetry;

/// <summary>
/// The store's traces and metrics, both named <see cref="Name"/>: one client span per container operation and the
/// histograms <see cref="DurationInstrument"/> and <see cref="RequestUnitsInstrument"/>. Recorded by
/// <see cref="InstrumentedDocumentStore"/>; an adapter only reports the request units it is charged
/// (<see cref="AddRequestCharge"/>).
/// </summary>
public static class StorageTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> and <see cref="Meter"/> name.</summary>
    public const string Name = "Ecf.Storage";

    public const string DurationInstrument = "ecf.storage.operation.duration";
    public const string RequestUnitsInstrument = "ecf.storage.operation.request_units";

    public const string ContainerTag = "db.collection.name";
    public const string OperationTag = "db.operation.name";
    public const string SystemTag = "db.system";
    public const string ErrorTypeTag = "error.type";
    public const string PartitionKeyTag = "ecf.storage.partition_key.present";
    public const string ItemCountTag = "ecf.storage.item_count";
    public const string RequestUnitsTag = "ecf.storage.request_units";

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        DurationInstrument, "s", "Duration of a document store operation, including an adapter's retries.");

    internal static readonly Histogram<double> RequestUnits = Meter.CreateHistogram<double>(
        RequestUnitsInstrument, "{RU}", "Request units a document store operation was charged (Cosmos DB only).");

    private static readonly AsyncLocal<RequestCharge?> CurrentCharge = new();

    /// <summary>Adds request units the store charged to the operation in progress (none when nothing measures it).</summary>
    public static void AddRequestCharge(double requestUnits) => CurrentCharge.Value?.Add(requestUnits);

    /// <summary>Starts collecting the charges of one operation and the calls it makes (in parallel too).</summary>
    internal static RequestCharge BeginCharge() => CurrentCharge.Value = new RequestCharge();

    internal sealed class RequestCharge
    {
        private readonly Lock _lock = new();
        private double _total;
        private bool _charged;

        public void Add(double requestUnits)
        {
            lock (_lock)
            {
                _total += requestUnits;
                _charged = true;
            }
        }

        /// <summary>The total, or null when the adapter reported nothing.</summary>
        public double? Total
        {
            get
            {
                lock (_lock)
                {
                    return _charged ? _total : null;
                }
            }
        }
    }
}
