namespace Ecf.Orchestrations;

/// <summary>
/// Activity names. They are written into history, so an activity is never renamed while instances may be running
/// (string constants, never <c>nameof</c>). Add a feature's names here, grouped by feature.
/// </summary>
public static class ActivityNames
{
    // Diagnostics
    public const string Echo = "Echo";

    // GIAS
    public const string GiasPrepareImport = "GiasPrepareImport";
    public const string GiasImportBatch = "GiasImportBatch";
    public const string GiasApplyLinks = "GiasApplyLinks";

    // Statuses
    public const string ParticipantStatusRefreshBatch = "ParticipantStatusRefreshBatch";

    // Archive
    public const string FrozenContractYearCheck = "FrozenContractYearCheck";
    public const string FrozenContractYearArchiveBatch = "FrozenContractYearArchiveBatch";
}
