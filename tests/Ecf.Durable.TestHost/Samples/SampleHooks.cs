namespace Ecf.Durable.Samples;

/// <summary>Lets a host process report each finished activity (the crash tests count them to pick kill points).</summary>
public static class SampleHooks
{
    public static Action? OnActivityDone { get; set; }

    public static void ActivityDone() => OnActivityDone?.Invoke();

    public static DurableTaskRegistry AddSamples(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<HelloSequence>(SampleNames.HelloSequence)
            .AddActivity<SayHello>(SampleNames.SayHello)
            .AddOrchestrator<FanOutFanIn>(SampleNames.FanOutFanIn)
            .AddActivity<Square>(SampleNames.Square)
            .AddOrchestrator<Chain>(SampleNames.Chain)
            .AddActivity<MixActivity>(SampleNames.Mix)
            .AddOrchestrator<FanOutTree>(SampleNames.FanOutTree)
            .AddOrchestrator<FanOutBatch>(SampleNames.FanOutBatch);
    }
}
