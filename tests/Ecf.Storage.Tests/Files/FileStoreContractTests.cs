using System.Text;
using Ecf.Storage.Files;

namespace Ecf.Storage.Tests.Files;

/// <summary>
/// What every <see cref="IFileStore"/> does, run against each adapter (<see cref="LocalFileStoreTests"/>,
/// <see cref="BlobFileStoreTests"/>): names, replacement, seekable reads at byte offsets, listing order, deletion, refused names.
/// </summary>
public abstract class FileStoreContractTests
{
    /// <summary>Larger than <see cref="BlobFileStore.ReadBufferBytes"/>, so reads at an offset cross read-ahead ranges.</summary>
    private const int LargeFileBytes = (3 * BlobFileStore.ReadBufferBytes) + 12_345;

    private const int MaxNameLength = 1024;

    /// <summary>An empty store of the adapter under test.</summary>
    protected abstract IFileStore Store { get; }

    /// <summary>Whether a stream opened before a replacement reads the old file to the end (true) or fails on its next read (false).</summary>
    protected abstract bool ReadsReplacedFileToTheEnd { get; }

    [Fact]
    public async Task SaveAsync_ThenOpenRead_ReturnsContent()
    {
        await Store.SaveAsync("gias/2025-01-31.csv", Content("urn,name\n1,School"));

        await using var stream = await Store.OpenReadAsync("gias/2025-01-31.csv");

        Assert.NotNull(stream);
        Assert.Equal("urn,name\n1,School", await new StreamReader(stream).ReadToEndAsync());
        Assert.True(await Store.ExistsAsync("gias/2025-01-31.csv"));
    }

    [Fact]
    public async Task SaveAsync_StreamNotAtStart_SavesFromItsPosition()
    {
        var content = Content("skip|keep");
        content.Position = 5;

        await Store.SaveAsync("a.txt", content);

        Assert.Equal("keep", await ReadAllAsync("a.txt"));
    }

    [Fact]
    public async Task SaveAsync_ExistingName_ReplacesContent()
    {
        await Store.SaveAsync("a.txt", Content("old content"));

        await Store.SaveAsync("a.txt", Content("new"));

        Assert.Equal("new", await ReadAllAsync("a.txt"));
        Assert.Equal(["a.txt"], await Store.ListAsync());
    }

    [Fact]
    public async Task SaveAsync_EmptyContent_SavesAnEmptyFile()
    {
        await Store.SaveAsync("empty.csv", new MemoryStream());

        Assert.True(await Store.ExistsAsync("empty.csv"));
        Assert.Equal("", await ReadAllAsync("empty.csv"));
    }

    [Fact]
    public async Task SaveAsync_LongestValidName_SavesAndOneMoreCharacterThrows()
    {
        // Segments of 200 characters (file systems cap a segment at 255) up to the 1,024 characters Blob storage allows.
        var name = string.Join('/', Enumerable.Range(0, 5).Select(i => new string((char)('a' + i), 200))) + "/" + new string('z', MaxNameLength - 1005);

        await Store.SaveAsync(name, Content("x"));

        Assert.Equal(MaxNameLength, name.Length);
        Assert.Equal([name], await Store.ListAsync());
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveAsync(name + "z", Content("x")));
    }

    [Fact]
    public async Task OpenReadAsync_LargeFile_SeeksToAnyOffsetAndKnowsItsLength()
    {
        var bytes = Pattern(LargeFileBytes);
        await Store.SaveAsync("gias/large.csv", new MemoryStream(bytes));

        await using var stream = (await Store.OpenReadAsync("gias/large.csv"))!;
        var head = await ReadExactlyAsync(stream, 100);
        stream.Seek(LargeFileBytes - 5_000, SeekOrigin.Begin);
        var tail = await ReadExactlyAsync(stream, 5_000);
        var afterEnd = await stream.ReadAsync(new byte[10]);
        stream.Seek(BlobFileStore.ReadBufferBytes - 50, SeekOrigin.Begin);
        var acrossRanges = await ReadExactlyAsync(stream, 100);

        Assert.True(stream.CanSeek);
        Assert.Equal(LargeFileBytes, stream.Length);
        Assert.Equal(bytes[..100], head);
        Assert.Equal(bytes[^5_000..], tail);
        Assert.Equal(0, afterEnd);
        Assert.Equal(bytes[(BlobFileStore.ReadBufferBytes - 50)..(BlobFileStore.ReadBufferBytes + 50)], acrossRanges);
    }

    [Fact]
    public async Task OpenReadAsync_FileReplacedWhileOpen_NeverMixesOldAndNew()
    {
        await Store.SaveAsync("a.bin", new MemoryStream(Filled(LargeFileBytes, (byte)'o')));
        await using var stream = (await Store.OpenReadAsync("a.bin"))!;
        var first = await ReadExactlyAsync(stream, 10);

        await Store.SaveAsync("a.bin", new MemoryStream(Filled(LargeFileBytes, (byte)'n')));
        stream.Seek(2 * BlobFileStore.ReadBufferBytes, SeekOrigin.Begin);
        byte[]? rest = null;
        var failure = await Record.ExceptionAsync(async () => rest = await ReadExactlyAsync(stream, 1_000));

        Assert.All(first, b => Assert.Equal((byte)'o', b));
        if (ReadsReplacedFileToTheEnd)
        {
            Assert.Null(failure);
            Assert.All(rest!, b => Assert.Equal((byte)'o', b));
        }
        else
        {
            Assert.NotNull(failure);
            Assert.Null(rest);
        }

        Assert.Equal(Filled(LargeFileBytes, (byte)'n'), await ReadAllBytesAsync("a.bin"));
    }

    [Fact]
    public async Task OpenReadAsync_Missing_ReturnsNull()
    {
        Assert.Null(await Store.OpenReadAsync("missing/file.txt"));
        Assert.False(await Store.ExistsAsync("missing/file.txt"));
    }

    [Fact]
    public async Task ListAsync_Prefix_ReturnsMatchingNamesInOrdinalOrder()
    {
        await Store.SaveAsync("gias/b.csv", Content("b"));
        await Store.SaveAsync("gias/a.csv", Content("a"));
        await Store.SaveAsync("gias/B.csv", Content("B"));
        await Store.SaveAsync("gias-old/a.csv", Content("a"));
        await Store.SaveAsync("statements/x.csv", Content("x"));

        var gias = await Store.ListAsync("gias/");
        var all = await Store.ListAsync();

        Assert.Equal(["gias/B.csv", "gias/a.csv", "gias/b.csv"], gias);
        Assert.Equal(["gias-old/a.csv", "gias/B.csv", "gias/a.csv", "gias/b.csv", "statements/x.csv"], all);
    }

    [Fact]
    public async Task ListAsync_EmptyStore_ReturnsNothing()
    {
        Assert.Empty(await Store.ListAsync());
        Assert.Empty(await Store.ListAsync("gias/"));
    }

    [Theory]
    [InlineData("../")]
    [InlineData("/etc")]
    [InlineData("a\\b")]
    public async Task ListAsync_PrefixOutsideTheStore_Throws(string prefix)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ListAsync(prefix));
    }

    [Fact]
    public async Task DeleteAsync_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        await Store.SaveAsync("a.txt", Content("a"));

        Assert.True(await Store.DeleteAsync("a.txt"));
        Assert.False(await Store.DeleteAsync("a.txt"));
        Assert.False(await Store.ExistsAsync("a.txt"));
        Assert.Null(await Store.OpenReadAsync("a.txt"));
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("a/../../escape.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\b.txt")]
    [InlineData("a//b.txt")]
    [InlineData("a/")]
    [InlineData("")]
    [InlineData("./a.txt")]
    [InlineData("a b.txt")]
    [InlineData("école.txt")]
    [InlineData("a.tmp-1.txt")]
    public async Task EveryOperation_InvalidName_ThrowsAndStoresNothing(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveAsync(name, Content("x")));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync(name));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ExistsAsync(name));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(name));
        Assert.Empty(await Store.ListAsync());
    }

    protected static MemoryStream Content(string text) => new(Encoding.UTF8.GetBytes(text));

    private async Task<string> ReadAllAsync(string name) => Encoding.UTF8.GetString(await ReadAllBytesAsync(name));

    private async Task<byte[]> ReadAllBytesAsync(string name)
    {
        await using var stream = await Store.OpenReadAsync(name) ?? throw new FileNotFoundException(name);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static async Task<byte[]> ReadExactlyAsync(Stream stream, int count)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer);
        return buffer;
    }

    /// <summary>Bytes that vary with their position, so a read from a wrong offset shows.</summary>
    private static byte[] Pattern(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)((i * 31) + (i >> 8) + (i >> 16));
        }

        return bytes;
    }

    private static byte[] Filled(int length, byte value)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, value);
        return bytes;
    }
}
