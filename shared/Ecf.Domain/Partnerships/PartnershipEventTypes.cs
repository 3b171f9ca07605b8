namespace Ecf.Domain.Partnerships;

public static class PartnershipEventTypes
{
    public const string Created = "partnership_created";
    public const string DeliveryPartnerChanged = "partnership_delivery_partner_changed";
    public const string Challenged = "partnership_challenged";
    public const string CohortSetUp = "school_cohort_set_up";
}
