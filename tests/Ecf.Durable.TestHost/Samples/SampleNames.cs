namespace Ecf.Durable.Samples;

/// <summary>Orchestration and activity names: string constants, written into history (never nameof).</summary>
public static class SampleNames
{
    public const string HelloSequence = "HelloSequence";
    public const string SayHello = "SayHello";
    public const string FanOutFanIn = "FanOutFanIn";
    public const string Square = "Square";
    public const string Chain = "Chain";
    public const string Mix = "Mix";
    public const string FanOutTree = "FanOutTree";
    public const string FanOutBatch = "FanOutBatch";
}
