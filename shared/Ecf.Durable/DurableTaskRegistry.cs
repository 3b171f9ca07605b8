using Microsoft.Extensions.DependencyInjection;

namespace Ecf.Durable;

/// <summary>
/// The orchestrators and activities a host can run, by name. Register with string constants (names are written into history;
/// a rename must not orphan running instances), class-based or function-style.
/// </summary>
public sealed class DurableTaskRegistry
{
    private readonly Dictionary<string, Func<IServiceProvider, ITaskOrchestrator>> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<IServiceProvider, ITaskActivity>> _activities = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> OrchestratorNames => _orchestrators.Keys;

    public IReadOnlyCollection<string> ActivityNames => _activities.Keys;

    public DurableTaskRegistry AddOrchestrator(TaskName name, Func<IServiceProvider, ITaskOrchestrator> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!_orchestrators.TryAdd(Key(name), factory))
        {
            throw new ArgumentException($"An orchestrator named '{name}' is already registered.", nameof(name));
        }

        return this;
    }

    public DurableTaskRegistry AddOrchestrator(TaskName name, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!typeof(ITaskOrchestrator).IsAssignableFrom(type))
        {
            throw new ArgumentException($"{type} is not an orchestrator.", nameof(type));
        }

        return AddOrchestrator(name, services => (ITaskOrchestrator)ActivatorUtilities.CreateInstance(services, type));
    }

    public DurableTaskRegistry AddOrchestrator<TOrchestrator>(TaskName name)
        where TOrchestrator : class, ITaskOrchestrator => AddOrchestrator(name, typeof(TOrchestrator));

    public DurableTaskRegistry AddOrchestrator(TaskName name, ITaskOrchestrator orchestrator)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        return AddOrchestrator(name, _ => orchestrator);
    }

    public DurableTaskRegistry AddOrchestratorFunc<TInput, TOutput>(TaskName name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> orchestrator)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        return AddOrchestrator(name, new FuncOrchestrator<TInput, TOutput>(orchestrator));
    }

    public DurableTaskRegistry AddOrchestratorFunc<TInput, TOutput>(TaskName name, Func<TaskOrchestrationContext, TInput, TOutput> orchestrator)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        return AddOrchestratorFunc<TInput, TOutput>(name, (context, input) => Task.FromResult(orchestrator(context, input)));
    }

    public DurableTaskRegistry AddOrchestratorFunc<TOutput>(TaskName name, Func<TaskOrchestrationContext, Task<TOutput>> orchestrator)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        return AddOrchestratorFunc<object?, TOutput>(name, (context, _) => orchestrator(context));
    }

    public DurableTaskRegistry AddOrchestratorFunc<TInput>(TaskName name, Func<TaskOrchestrationContext, TInput, Task> orchestrator)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        return AddOrchestratorFunc<TInput, object?>(name, async (context, input) =>
        {
            await orchestrator(context, input).ConfigureAwait(true);
            return null;
        });
    }

    public DurableTaskRegistry AddOrchestratorFunc(TaskName name, Func<TaskOrchestrationContext, Task> orchestrator)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        return AddOrchestratorFunc<object?, object?>(name, async (context, _) =>
        {
            await orchestrator(context).ConfigureAwait(true);
            return null;
        });
    }

    public DurableTaskRegistry AddActivity(TaskName name, Func<IServiceProvider, ITaskActivity> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!_activities.TryAdd(Key(name), factory))
        {
            throw new ArgumentException($"An activity named '{name}' is already registered.", nameof(name));
        }

        return this;
    }

    public DurableTaskRegistry AddActivity(TaskName name, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!typeof(ITaskActivity).IsAssignableFrom(type))
        {
            throw new ArgumentException($"{type} is not an activity.", nameof(type));
        }

        return AddActivity(name, services => (ITaskActivity)ActivatorUtilities.CreateInstance(services, type));
    }

    public DurableTaskRegistry AddActivity<TActivity>(TaskName name)
        where TActivity : class, ITaskActivity => AddActivity(name, typeof(TActivity));

    public DurableTaskRegistry AddActivity(TaskName name, ITaskActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return AddActivity(name, _ => activity);
    }

    public DurableTaskRegistry AddActivityFunc<TInput, TOutput>(TaskName name, Func<TaskActivityContext, TInput, Task<TOutput>> activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return AddActivity(name, new FuncActivity<TInput, TOutput>(activity));
    }

    public DurableTaskRegistry AddActivityFunc<TInput, TOutput>(TaskName name, Func<TaskActivityContext, TInput, TOutput> activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return AddActivityFunc<TInput, TOutput>(name, (context, input) => Task.FromResult(activity(context, input)));
    }

    public DurableTaskRegistry AddActivityFunc<TInput>(TaskName name, Func<TaskActivityContext, TInput, Task> activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return AddActivityFunc<TInput, object?>(name, async (context, input) =>
        {
            await activity(context, input).ConfigureAwait(false);
            return null;
        });
    }

    public DurableTaskRegistry AddActivityFunc<TInput>(TaskName name, Action<TaskActivityContext, TInput> activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return AddActivityFunc<TInput, object?>(name, (context, input) =>
        {
            activity(context, input);
            return (object?)null;
        });
    }

    internal bool TryGetOrchestrator(string name, IServiceProvider services, out ITaskOrchestrator? orchestrator)
    {
        orchestrator = _orchestrators.TryGetValue(name, out var factory) ? factory(services) : null;
        return orchestrator is not null;
    }

    internal bool TryGetActivity(string name, IServiceProvider services, out ITaskActivity? activity)
    {
        activity = _activities.TryGetValue(name, out var factory) ? factory(services) : null;
        return activity is not null;
    }

    internal bool HasOrchestrator(string name) => _orchestrators.ContainsKey(name);

    private static string Key(TaskName name) =>
        string.IsNullOrWhiteSpace(name.Name) ? throw new ArgumentException("A task needs a name.", nameof(name)) : name.Name;

    private sealed class FuncOrchestrator<TInput, TOutput>(Func<TaskOrchestrationContext, TInput, Task<TOutput>> func) : TaskOrchestrator<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input) => func(context, input);
    }

    private sealed class FuncActivity<TInput, TOutput>(Func<TaskActivityContext, TInput, Task<TOutput>> func) : TaskActivity<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => func(context, input);
    }
}
