using System.Security.Cryptography;
using System.Text;

namespace ElectionStages.Api.Import;

/// <summary>
/// The CSV files of a seed folder, read into memory once: what is validated, written and hashed are the same bytes,
/// whatever happens to the folder meanwhile. Tests build one in memory to validate without a disk or a database.
/// </summary>
internal sealed class SeedFiles
{
    private readonly SortedDictionary<string, byte[]> files;

    private SeedFiles(string location, SortedDictionary<string, byte[]> files)
    {
        Location = location;
        this.files = files;
    }

    /// <summary>Where the files came from, for messages: the folder, or <c>(memory)</c>.</summary>
    public string Location { get; }

    /// <summary>False when the folder did not exist.</summary>
    public bool Exists { get; private init; } = true;

    public IEnumerable<string> Names => files.Keys;

    /// <summary>Every <c>*.csv</c> file of <paramref name="directory"/> (not its subfolders).</summary>
    public static SeedFiles FromDirectory(string directory)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (!Directory.Exists(directory))
        {
            return new SeedFiles(directory, files) { Exists = false };
        }

        foreach (var path in Directory.EnumerateFiles(directory, "*.csv"))
        {
            files[Path.GetFileName(path)] = File.ReadAllBytes(path);
        }

        return new SeedFiles(directory, files);
    }

    /// <summary>A copy with <paramref name="name"/> replaced (or added, or removed when <paramref name="content"/> is null).</summary>
    public SeedFiles With(string name, byte[]? content)
    {
        var copy = new SortedDictionary<string, byte[]>(files, StringComparer.Ordinal);
        if (content is null)
        {
            copy.Remove(name);
        }
        else
        {
            copy[name] = content;
        }

        return new SeedFiles(Location, copy) { Exists = Exists };
    }

    public byte[]? Content(string name) => files.GetValueOrDefault(name);

    /// <summary>SHA-256 over each file's name and bytes in name order: equal hashes, equal data.</summary>
    public string ContentHash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, content) in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
            sha.AppendData(content);
        }

        return Convert.ToHexString(sha.GetHashAndReset());
    }
}
