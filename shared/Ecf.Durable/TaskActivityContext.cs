namespace Ecf.Durable;

/// <summary>What an activity knows about its invocation.</summary>
public abstract class TaskActivityContext
{
    public abstract TaskName Name { get; }

    public abstract string InstanceId { get; }
}
