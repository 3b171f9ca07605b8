using Ecf.Orchestrations.Diagnostics;
using Microsoft.DurableTask;
using Moq;

namespace Ecf.Orchestrations.Tests.Diagnostics;

public sealed class EchoActivityTests
{
    [Fact]
    public async Task Echo_RunTwice_RepliesTheSame()
    {
        // Arrange
        var context = new Mock<TaskActivityContext>().Object;
        var input = new EchoInput("hello");

        // Act
        var first = await new EchoActivity().RunAsync(context, input);
        var second = await new EchoActivity().RunAsync(context, input);

        // Assert
        Assert.Equal("pong: hello", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Echo_AskedToFail_Throws()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new EchoActivity().RunAsync(new Mock<TaskActivityContext>().Object, new EchoInput("x", Fail: true)));

        Assert.Contains("asked to fail", error.Message, StringComparison.Ordinal);
    }
}
