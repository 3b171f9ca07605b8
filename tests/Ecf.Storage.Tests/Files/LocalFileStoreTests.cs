using Ecf.Storage.Files;
using Ecf.TestKit;

namespace Ecf.Storage.Tests.Files;

/// <summary>The file store contract on a temporary folder, and what is particular to a folder.</summary>
public sealed class LocalFileStoreTests : FileStoreContractTests, IDisposable
{
    private readonly TempDatabase _temp = new();
    private readonly LocalFileStore _store;

    public LocalFileStoreTests()
    {
        _store = new LocalFileStore(Path.Combine(_temp.Folder, "files"));
    }

    protected override IFileStore Store => _store;

    protected override bool ReadsReplacedFileToTheEnd => true;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task SaveAsync_ExistingName_LeavesNoTemporaryFile()
    {
        await _store.SaveAsync("a.txt", Content("old"));

        await _store.SaveAsync("a.txt", Content("new"));

        Assert.Equal(["a.txt"], Directory.EnumerateFiles(_store.Root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task SaveAsync_NameLeavingTheFolder_WritesNothingOutsideIt()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.SaveAsync("../escape.txt", Content("x")));

        Assert.False(File.Exists(Path.Combine(_temp.Folder, "escape.txt")));
    }
}
