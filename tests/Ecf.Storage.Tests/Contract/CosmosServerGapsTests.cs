using System.Reflection;

namespace Ecf.Storage.Tests.Contract;

public sealed class CosmosServerGapsTests
{
    [Fact]
    public void EmbeddedOnly_ListsExactlyTheTestsOfEmbeddedOnlyContractTests()
    {
        var testMethods = typeof(EmbeddedOnlyContractTests)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any())
            .Select(m => m.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(testMethods, CosmosServerGaps.EmbeddedOnly.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EmbeddedOnly_EveryEntryHasAReason()
    {
        Assert.All(CosmosServerGaps.EmbeddedOnly, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value), entry.Key));
    }

    [Fact]
    public void DocumentStoreContractTests_HasNoTestListedAsEmbeddedOnly()
    {
        var shared = typeof(DocumentStoreContractTests).GetMethods().Select(m => m.Name).ToHashSet();

        Assert.DoesNotContain(CosmosServerGaps.EmbeddedOnly.Keys, shared.Contains);
    }
}
