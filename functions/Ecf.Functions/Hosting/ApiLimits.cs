namespace Ecf.Functions.Hosting;

public static class ApiLimits
{
    /// <summary>Largest request body accepted: 1 MB. Kestrel enforces it while reading; a larger Content-Length is refused up front.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public const int DefaultPort = 7071;
}
