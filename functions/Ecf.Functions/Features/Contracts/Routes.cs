namespace Ecf.Functions.Features.Contracts;

public static class Routes
{
    public const string Contracts = "/api/finance/contracts";
    public const string Ecf = "/api/finance/contracts/ecf";
    public const string Mentor = "/api/finance/contracts/mentor";
    public const string Npq = "/api/finance/contracts/npq";
    public const string EcfImport = "/api/finance/contracts/ecf/import";
    public const string MentorImport = "/api/finance/contracts/mentor/import";
    public const string InForce = "/api/finance/contracts/in-force";
    public const string Timeline = "/api/finance/contracts/timeline";
}
