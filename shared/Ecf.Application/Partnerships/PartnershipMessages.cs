namespace Ecf.Application.Partnerships;

/// <summary>ECF's partnership validation messages (<c>Partnerships::Create</c>, docs/domain.md#partnerships).</summary>
public static class PartnershipMessages
{
    public const string NoRelationship = "The delivery partner that has been specified is not recognised to be working in partnership with you for the given cohort. Contact the DfE for more information.";
    public const string CipOnly = "The school you have entered has not registered to deliver training using a DfE-funded training provider.";
    public const string Ineligible = "The school you have entered is currently ineligible for DfE funding.";

    public static string Missing(string attribute) => $"The attribute '#/{attribute}' must be included as part of partnership confirmations.";

    public static string Invalid(string attribute) => attribute == "school_id"
        ? "The '#/school_id' you have entered is invalid. Enter a valid '#/school_id' value in the request body for partnership confirmations. Contact the DfE for support if you are unable to find the '#/school_id'."
        : $"The '#/{attribute}' you have entered is invalid. Enter a valid '#/{attribute}' attribute in the request body for partnership confirmations.";
}
