using System.Text.Json;
using Ecf.Storage.Cosmos;

namespace Ecf.Storage.Tests.Cosmos;

public sealed class CosmosQueryTranslatorTests
{
    private static readonly ContainerDefinition People = new("people", "/personId", ["n", "status", "nested.level"]);

    private static string Params(CosmosSqlQuery sql) => string.Join(" ", sql.Parameters.Select(p => $"{p.Name}={p.Json}"));

    [Theory]
    [InlineData(FilterOperator.Equal, "=")]
    [InlineData(FilterOperator.NotEqual, "!=")]
    [InlineData(FilterOperator.GreaterThan, ">")]
    [InlineData(FilterOperator.GreaterThanOrEqual, ">=")]
    [InlineData(FilterOperator.LessThan, "<")]
    [InlineData(FilterOperator.LessThanOrEqual, "<=")]
    public void Translate_ComparisonFilter_FiltersOnPartitionKeyAndValueAsParameters(FilterOperator op, string sqlOperator)
    {
        var sql = CosmosQueryTranslator.Translate(People, "p1", DocumentQuery.All(pageSize: 10).Where("n", op, 3).OrderByAscending("n"));

        Assert.Equal($"""SELECT TOP 11 * FROM c WHERE c["personId"] = @pk AND c["n"] {sqlOperator} @f0 ORDER BY c["n"] ASC, c["id"] ASC""", sql.Text);
        Assert.Equal("@pk=\"p1\" @f0=3", Params(sql));
        Assert.True(sql.OrderedByServer);
    }

    [Fact]
    public void Translate_StringBoolAndNestedValues_AreJsonParameters()
    {
        var sql = CosmosQueryTranslator.Translate(People, "p1", DocumentQuery.All().WhereEquals("status", "a'); --").WhereEquals("active", true).Where("nested.level", FilterOperator.GreaterThan, 2.5));

        Assert.Equal("""SELECT TOP 101 * FROM c WHERE c["personId"] = @pk AND c["status"] = @f0 AND c["active"] = @f1 AND c["nested"]["level"] > @f2 ORDER BY c["id"] ASC""", sql.Text);
        Assert.Equal("@pk=\"p1\" @f0=\"a\\u0027); --\" @f1=true @f2=2.5", Params(sql));
    }

    [Fact]
    public void Translate_EqualNull_MatchesMissingOrNull()
    {
        var sql = CosmosQueryTranslator.Translate(People, "p1", DocumentQuery.All().WhereEquals("tag", null));

        Assert.Contains("""AND (NOT IS_DEFINED(c["tag"]) OR IS_NULL(c["tag"])) ORDER BY""", sql.Text, StringComparison.Ordinal);
        Assert.Equal("@pk=\"p1\"", Params(sql));
    }

    [Fact]
    public void Translate_NotEqualNull_MatchesDefinedNonNull()
    {
        var sql = CosmosQueryTranslator.Translate(People, "p1", DocumentQuery.All().Where("tag", FilterOperator.NotEqual, null));

        Assert.Contains("""AND (IS_DEFINED(c["tag"]) AND NOT IS_NULL(c["tag"])) ORDER BY""", sql.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_In_OneParameterPerValue()
    {
        var sql = CosmosQueryTranslator.Translate(People, "p1", DocumentQuery.All().Where("status", FilterOperator.In, new[] { "b", "c" }));

        Assert.Contains("""AND c["status"] IN (@f0_0, @f0_1) ORDER BY""", sql.Text, StringComparison.Ordinal);
        Assert.Equal("@pk=\"p1\" @f0_0=\"b\" @f0_1=\"c\"", Params(sql));
    }

    [Fact]
    public void Translate_ArrayContains_ChecksArrayAndItem()
    {
        var sql = CosmosQueryTranslator.Translate(People, "p1", DocumentQuery.All().Where("tags", FilterOperator.ArrayContains, "x"));

        Assert.Contains("""AND (IS_ARRAY(c["tags"]) AND ARRAY_CONTAINS(c["tags"], @f0)) ORDER BY""", sql.Text, StringComparison.Ordinal);
        Assert.Equal("@pk=\"p1\" @f0=\"x\"", Params(sql));
    }

    [Fact]
    public void Translate_AnyOf_OrGroupWithItsOwnParameterNames()
    {
        var sql = CosmosQueryTranslator.Translate(People, "p1", DocumentQuery.All().WhereEquals("kind", "k").WhereAny(
            new QueryFilter("n", FilterOperator.Equal, 1),
            new QueryFilter("tags", FilterOperator.ArrayContains, "x")));

        Assert.Contains("""AND (c["n"] = @f1o0 OR (IS_ARRAY(c["tags"]) AND ARRAY_CONTAINS(c["tags"], @f1o1)))""", sql.Text, StringComparison.Ordinal);
        Assert.Equal("@pk=\"p1\" @f0=\"k\" @f1o0=1 @f1o1=\"x\"", Params(sql));
    }

    [Fact]
    public void Translate_InEmpty_MatchesNothing()
    {
        var sql = CosmosQueryTranslator.Translate(People, "p1", DocumentQuery.All().Where("status", FilterOperator.In, Array.Empty<string>()));

        Assert.Contains("AND false ORDER BY", sql.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_InWithNull_AlsoMatchesMissingOrNull()
    {
        var sql = CosmosQueryTranslator.Translate(People, "p1", DocumentQuery.All().Where("status", FilterOperator.In, new[] { "b", null }));

        Assert.Contains("""AND (c["status"] IN (@f0_0) OR (NOT IS_DEFINED(c["status"]) OR IS_NULL(c["status"]))) ORDER BY""", sql.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("n') OR 1=1 --")]
    [InlineData("a..b")]
    [InlineData("1abc")]
    [InlineData("a[\"b\"]")]
    [InlineData("")]
    public void Translate_InvalidPath_ThrowsBadRequest(string path)
    {
        var filter = Assert.Throws<DocumentStoreException>(() => CosmosQueryTranslator.Translate(People, "p1", DocumentQuery.All().WhereEquals(path, 1)));
        var order = Assert.Throws<DocumentStoreException>(() => CosmosQueryTranslator.Translate(People, "p1", DocumentQuery.All().OrderByAscending(path)));

        Assert.Equal(DocumentStoreError.BadRequest, filter.Error);
        Assert.Equal(DocumentStoreError.BadRequest, order.Error);
    }

    [Theory]
    [InlineData(FilterOperator.GreaterThan)]
    [InlineData(FilterOperator.LessThanOrEqual)]
    public void Translate_RangeWithNull_ThrowsBadRequest(FilterOperator op)
    {
        var ex = Assert.Throws<DocumentStoreException>(() => CosmosQueryTranslator.Translate(People, "p1", DocumentQuery.All().Where("n", op, null)));

        Assert.Equal(DocumentStoreError.BadRequest, ex.Error);
    }

    [Fact]
    public void Translate_PageSizeZero_ThrowsBadRequest()
    {
        var ex = Assert.Throws<DocumentStoreException>(() => CosmosQueryTranslator.Translate(People, "p1", DocumentQuery.All(pageSize: 0)));

        Assert.Equal(DocumentStoreError.BadRequest, ex.Error);
    }

    [Fact]
    public void Translate_DescendingIndexedKey_OrdersByKeyThenIdAscending()
    {
        var sql = CosmosQueryTranslator.Translate(People, "p1", DocumentQuery.All().OrderByDescending("nested.level"));

        Assert.EndsWith("""ORDER BY c["nested"]["level"] DESC, c["id"] ASC""", sql.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_OrderWithoutCompositeIndex_LeavesSortingToTheAdapter()
    {
        var sql = CosmosQueryTranslator.Translate(People, "p1", DocumentQuery.All().OrderByAscending("status").OrderByDescending("n"));

        Assert.Equal("""SELECT * FROM c WHERE c["personId"] = @pk""", sql.Text);
        Assert.False(sql.OrderedByServer);
        Assert.Equal(["status", "n", "id"], sql.SortKeys.Select(k => k.Path));
        Assert.Equal([false, true, false], sql.SortKeys.Select(k => k.Descending));
    }

    [Fact]
    public void Translate_CrossPartition_NoPartitionFilterAndPartitionKeyTieBreaker()
    {
        var sql = CosmosQueryTranslator.Translate(People, partitionKey: null, DocumentQuery.All(pageSize: 5).WhereEquals("status", "a").OrderByAscending("n"));

        Assert.Equal("""SELECT TOP 6 * FROM c WHERE c["status"] = @f0 ORDER BY c["n"] ASC, c["personId"] ASC, c["id"] ASC""", sql.Text);
    }

    [Fact]
    public void Translate_ContinuationWithoutOrder_StartsAfterTheId()
    {
        var continuation = new KeysetContinuation([], "p1", "d07").Encode();

        var sql = CosmosQueryTranslator.Translate(People, "p1", DocumentQuery.All(pageSize: 4).WithContinuation(continuation));

        Assert.Equal("""SELECT TOP 5 * FROM c WHERE c["personId"] = @pk AND c["id"] > @k0 ORDER BY c["id"] ASC""", sql.Text);
        Assert.Equal("@pk=\"p1\" @k0=\"d07\"", Params(sql));
    }

    [Fact]
    public void Translate_ContinuationAscendingNumber_ExpandsKeysetWithTypeRanks()
    {
        var continuation = new KeysetContinuation([JsonSerializer.SerializeToElement(4)], "p1", "d12").Encode();

        var sql = CosmosQueryTranslator.Translate(People, "p1", DocumentQuery.All().OrderByAscending("n").WithContinuation(continuation));

        Assert.Contains("""AND ((c["n"] > @k0 OR IS_STRING(c["n"])) OR (c["n"] = @k0 AND c["id"] > @k1)) ORDER BY""", sql.Text, StringComparison.Ordinal);
        Assert.Equal("@pk=\"p1\" @k0=4 @k1=\"d12\"", Params(sql));
    }

    [Fact]
    public void Translate_ContinuationDescendingString_IncludesLowerRankedTypes()
    {
        var continuation = new KeysetContinuation([JsonSerializer.SerializeToElement("m")], "p1", "d1").Encode();

        var sql = CosmosQueryTranslator.Translate(People, "p1", DocumentQuery.All().OrderByDescending("status").WithContinuation(continuation));

        Assert.Contains(
            """AND ((c["status"] < @k0 OR NOT IS_DEFINED(c["status"]) OR IS_NULL(c["status"]) OR IS_BOOL(c["status"]) OR IS_NUMBER(c["status"])) OR (c["status"] = @k0 AND c["id"] > @k1)) ORDER BY""",
            sql.Text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_ContinuationAscendingNull_NextAreNullsAfterTheIdThenEveryDefinedValue()
    {
        var continuation = new KeysetContinuation([JsonSerializer.SerializeToElement<object?>(null)], "p1", "d1").Encode();

        var sql = CosmosQueryTranslator.Translate(People, "p1", DocumentQuery.All().OrderByAscending("n").WithContinuation(continuation));

        Assert.Contains(
            """AND ((IS_BOOL(c["n"]) OR IS_NUMBER(c["n"]) OR IS_STRING(c["n"])) OR ((NOT IS_DEFINED(c["n"]) OR IS_NULL(c["n"])) AND c["id"] > @k1)) ORDER BY""",
            sql.Text,
            StringComparison.Ordinal);
        Assert.Equal("@pk=\"p1\" @k1=\"d1\"", Params(sql));
    }

    [Fact]
    public void Translate_ContinuationDescendingNull_OnlyNullsAfterTheId()
    {
        var continuation = new KeysetContinuation([JsonSerializer.SerializeToElement<object?>(null)], "p1", "d1").Encode();

        var sql = CosmosQueryTranslator.Translate(People, "p1", DocumentQuery.All().OrderByDescending("n").WithContinuation(continuation));

        Assert.Contains("""AND ((NOT IS_DEFINED(c["n"]) OR IS_NULL(c["n"])) AND c["id"] > @k1) ORDER BY""", sql.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_ContinuationTwoKeysCrossPartition_ExpandsFourLevels()
    {
        var continuation = new KeysetContinuation([JsonSerializer.SerializeToElement("a"), JsonSerializer.SerializeToElement(2)], "p3", "d9").Encode();

        var sql = CosmosQueryTranslator.Translate(People, partitionKey: null, DocumentQuery.All().OrderByAscending("status").OrderByDescending("n").WithContinuation(continuation));

        Assert.Equal(
            "SELECT * FROM c WHERE "
            + """(c["status"] > @k0 OR (c["status"] = @k0 AND (c["n"] < @k1 OR NOT IS_DEFINED(c["n"]) OR IS_NULL(c["n"]) OR IS_BOOL(c["n"])))"""
            + """ OR (c["status"] = @k0 AND c["n"] = @k1 AND c["personId"] > @k2)"""
            + """ OR (c["status"] = @k0 AND c["n"] = @k1 AND c["personId"] = @k2 AND c["id"] > @k3))""",
            sql.Text);
        Assert.Equal("@k0=\"a\" @k1=2 @k2=\"p3\" @k3=\"d9\"", Params(sql));
    }

    [Fact]
    public void Translate_ContinuationOfAnotherShape_ThrowsBadRequest()
    {
        var continuation = new KeysetContinuation([JsonSerializer.SerializeToElement(1)], "p1", "d1").Encode();

        var ex = Assert.Throws<DocumentStoreException>(() => CosmosQueryTranslator.Translate(People, "p1", DocumentQuery.All().WithContinuation(continuation)));

        Assert.Equal(DocumentStoreError.BadRequest, ex.Error);
    }
}
