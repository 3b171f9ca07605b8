using System.Text;
using Ecf.Storage.Files;
using Ecf.TestKit;

namespace Ecf.Storage.Tests.Files;

public sealed class LocalFileStoreTests : IDisposable
{
    private readonly TempDatabase _temp = new();
    private readonly LocalFileStore _store;

    public LocalFileStoreTests()
    {
        _store = new LocalFileStore(Path.Combine(_temp.Folder, "files"));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task SaveAsync_ThenOpenRead_ReturnsContent()
    {
        await _store.SaveAsync("gias/2025-01-31.csv", Content("urn,name\n1,School"));

        await using var stream = await _store.OpenReadAsync("gias/2025-01-31.csv");

        Assert.NotNull(stream);
        Assert.Equal("urn,name\n1,School", await new StreamReader(stream).ReadToEndAsync());
    }

    [Fact]
    public async Task SaveAsync_ExistingName_ReplacesContentAndLeavesNoTemporaryFile()
    {
        await _store.SaveAsync("a.txt", Content("old"));

        await _store.SaveAsync("a.txt", Content("new"));

        await using var stream = await _store.OpenReadAsync("a.txt");
        Assert.Equal("new", await new StreamReader(stream!).ReadToEndAsync());
        Assert.Equal(["a.txt"], Directory.EnumerateFiles(_store.Root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task OpenReadAsync_Missing_ReturnsNull()
    {
        Assert.Null(await _store.OpenReadAsync("missing/file.txt"));
        Assert.False(await _store.ExistsAsync("missing/file.txt"));
    }

    [Fact]
    public async Task ListAsync_Prefix_ReturnsMatchingNamesInOrder()
    {
        await _store.SaveAsync("gias/b.csv", Content("b"));
        await _store.SaveAsync("gias/a.csv", Content("a"));
        await _store.SaveAsync("statements/x.csv", Content("x"));

        var gias = await _store.ListAsync("gias/");
        var all = await _store.ListAsync();

        Assert.Equal(["gias/a.csv", "gias/b.csv"], gias);
        Assert.Equal(["gias/a.csv", "gias/b.csv", "statements/x.csv"], all);
    }

    [Fact]
    public async Task DeleteAsync_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        await _store.SaveAsync("a.txt", Content("a"));

        Assert.True(await _store.DeleteAsync("a.txt"));
        Assert.False(await _store.DeleteAsync("a.txt"));
        Assert.False(await _store.ExistsAsync("a.txt"));
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("a/../../escape.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\b.txt")]
    [InlineData("a//b.txt")]
    [InlineData("")]
    [InlineData("./a.txt")]
    public async Task SaveAsync_NameOutsideTheFolder_Throws(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.SaveAsync(name, Content("x")));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.OpenReadAsync(name));
        Assert.False(File.Exists(Path.Combine(_temp.Folder, "escape.txt")));
    }

    private static MemoryStream Content(string text) => new(Encoding.UTF8.GetBytes(text));
}
