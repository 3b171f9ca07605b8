namespace Ecf.Orchestrations.Tests.Infrastructure;

public sealed class TestProcessTests
{
    [Fact]
    public void TestProcess_RunSettings_RaiseTheProcessorCountForTheInProcessTestHost()
    {
        // orchestrations.runsettings sets DOTNET_PROCESSOR_COUNT: the test host runs at most that many activities at once.
        Assert.Equal(64, Environment.ProcessorCount);
    }
}
