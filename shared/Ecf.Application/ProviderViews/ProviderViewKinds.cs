namespace Ecf.Application.ProviderViews;

/// <summary>Kinds and ids of the documents in the <c>provider-views</c> container (partition <c>/leadProviderId</c>).</summary>
public static class ProviderViewKinds
{
    public const string Participant = "participant";
    public const string Transfer = "participant-transfer";
    public const string UnfundedMentor = "unfunded-mentor";
    public const string Alias = "participant-alias";
    public const string Declaration = "participant-declaration";

    public static string ParticipantId(string personId) => "participant:" + personId;

    public static string TransferId(string personId) => "transfer:" + personId;

    public static string UnfundedMentorId(string personId) => "unfunded-mentor:" + personId;

    public static string AliasId(string fromParticipantId) => "alias:" + fromParticipantId;

    public static string DeclarationId(string declarationId) => "declaration:" + declarationId;

    /// <summary>The partition key of a provider: its id as a lower-case UUID.</summary>
    public static string Partition(Guid leadProviderId) => leadProviderId.ToString("D");
}
