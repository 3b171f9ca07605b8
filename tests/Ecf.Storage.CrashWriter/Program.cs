using System.Globalization;
using System.Text;
using Ecf.Storage;
using Ecf.Storage.Sqlite;

// Usage: Ecf.Storage.CrashWriter <database path> <writer tasks>
// Writes until killed, from several tasks at once. After each write returns, prints one acknowledgement line:
//   "c <partition> <id> ."        a created document whose body holds "value": "<id>-value"
//   "r <partition> <version> ."   the partition's counter document replaced (If-Match) with that version
// The trailing " ." marks a complete line, so a line cut by the kill is ignored by the reader.
if (args.Length != 2 || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var tasks) || tasks < 1)
{
    Console.Error.WriteLine("usage: Ecf.Storage.CrashWriter <database path> <writer tasks>");
    return 2;
}

var container = new ContainerDefinition("crash", "/pk", ["value"]);
await using var store = new SqliteDocumentStore(args[0]);
await store.EnsureContainersAsync([container]);
var documents = store.GetContainer(container.Name);
var output = Console.Out;

await Task.WhenAll(Enumerable.Range(0, tasks).Select(task => Task.Run(async () =>
{
    var pk = "w" + task.ToString(CultureInfo.InvariantCulture);
    var counter = await documents.UpsertAsync(pk, "counter", Encoding.UTF8.GetBytes($$"""{"id":"counter","pk":"{{pk}}","version":0}"""));
    for (var n = 1; ; n++)
    {
        var id = pk + "-" + n.ToString(CultureInfo.InvariantCulture);
        await documents.CreateAsync(pk, id, Encoding.UTF8.GetBytes($$"""{"id":"{{id}}","pk":"{{pk}}","value":"{{id}}-value","padding":"{{new string('x', 512)}}"}"""));
        output.WriteLine($"c {pk} {id} .");
        if (n % 3 == 0)
        {
            counter = await documents.ReplaceAsync(pk, "counter", Encoding.UTF8.GetBytes($$"""{"id":"counter","pk":"{{pk}}","version":{{n}}}"""), counter.ETag);
            output.WriteLine($"r {pk} {n} .");
        }
    }
})));
return 0;
