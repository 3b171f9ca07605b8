namespace Ecf.Orchestrations;

/// <summary>
/// Orchestrator names. They are written into history, so an orchestrator is never renamed while instances may be running
/// (string constants, never <c>nameof</c>). Add a feature's names here, grouped by feature.
/// </summary>
public static class OrchestrationNames
{
    // Diagnostics
    /// <summary>A one-activity round trip through the durable runtime; a smoke test an operator can start over HTTP.</summary>
    public const string Ping = "Ping";

    // GIAS
    /// <summary>The nightly GIAS import (ADR 0005).</summary>
    public const string GiasImport = "GiasImport";

    // Statuses
    /// <summary>The daily refresh of date-driven participant statuses (ADR 0006, docs/domain.md#statuses).</summary>
    public const string ParticipantStatusRefresh = "ParticipantStatusRefresh";

    // Archive
    /// <summary>Archiving the undeclared participants of a payments-frozen contract year (ADR 0014, docs/domain.md#archiving).</summary>
    public const string FrozenContractYearArchive = "FrozenContractYearArchive";
}
