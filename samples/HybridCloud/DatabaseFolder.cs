using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace HybridCloud;

/// <summary>
/// The folder that holds the sample's two databases. It is checked before anything is written, so a bad
/// <c>--db</c> stops the sample with one line and leaves no folder behind; the databases of an earlier run are
/// deleted, so every run starts from empty ones; a temporary folder is deleted after a successful run.
/// </summary>
public sealed class DatabaseFolder
{
    private const string CellFile = "cell.db";
    private const string ControlFile = "control.db";

    // SQLite keeps a write-ahead log and a shared-memory index beside each database, and a rollback journal in
    // other modes. An earlier run's log left beside a new database could be replayed into it, so they go too.
    private static readonly string[] Suffixes = ["", "-wal", "-shm", "-journal"];

    private DatabaseFolder(string path, bool isTemporary, IReadOnlyList<string> deletedFiles)
    {
        FullPath = path;
        IsTemporary = isTemporary;
        DeletedFiles = deletedFiles;
    }

    /// <summary>The folder's absolute path.</summary>
    public string FullPath { get; }

    /// <summary>Whether the sample made the folder itself because no <c>--db</c> was given.</summary>
    public bool IsTemporary { get; }

    /// <summary>The names of an earlier run's database files that were deleted from the folder.</summary>
    public IReadOnlyList<string> DeletedFiles { get; }

    public string CellPath => Path.Combine(FullPath, CellFile);

    public string ControlPath => Path.Combine(FullPath, ControlFile);

    /// <summary>
    /// Makes sure the folder exists and can be written, and deletes earlier databases in it. On failure
    /// <paramref name="error"/> is one line naming the folder and why, and folders made on the way are removed.
    /// </summary>
    /// <param name="requested">The <c>--db</c> value; null for a new temporary folder.</param>
    public static bool TryPrepare(
        string? requested,
        [NotNullWhen(true)] out DatabaseFolder? folder,
        [NotNullWhen(false)] out string? error)
    {
        folder = null;
        var isTemporary = requested is null;
        var label = isTemporary ? "temporary folder" : "--db";
        requested ??= Path.Combine(Path.GetTempPath(), "outboxgen-hybridcloud-" + Guid.NewGuid().ToString("N")[..8]);

        string path;
        try
        {
            path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(requested));
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or IOException)
        {
            error = $"{label} '{requested}': not a usable path ({exception.Message.TrimEnd('.')}).";
            return false;
        }

        var obstacle = FindObstacle(path, out var missing);
        if (obstacle is not null)
        {
            error = $"{label} {path}: {obstacle}";
            return false;
        }

        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".outboxgen-write-check-{Guid.NewGuid():N}");
            File.Create(probe, 1, FileOptions.DeleteOnClose).Dispose();

            folder = new DatabaseFolder(path, isTemporary, DeleteEarlierDatabases(path));
            error = null;
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            RemoveEmptyFolders(missing);
            var advice = isTemporary ? "; pass --db FOLDER to use another folder" : "";
            var reason = exception is UnauthorizedAccessException
                ? "permission denied"
                : exception.Message.TrimEnd('.');
            error = $"{label} {path}: cannot create or write the folder ({reason}){advice}.";
            return false;
        }
    }

    /// <summary>
    /// Deletes a temporary folder after a successful run; keeps it after a failed one and says where it is.
    /// A folder given with <c>--db</c> is always kept.
    /// </summary>
    public void Finish(bool succeeded)
    {
        if (!IsTemporary)
        {
            return;
        }

        if (!succeeded)
        {
            Console.Error.WriteLine($"Kept the databases for inspection in {FullPath}");
            return;
        }

        // Pooled connections keep the database files open, and some systems refuse to delete an open file.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(FullPath, recursive: true);
            Console.WriteLine($"Deleted the temporary folder {FullPath}; pass --db FOLDER to keep the databases.");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Could not delete the temporary folder {FullPath}: {exception.Message}");
        }
    }

    /// <summary>
    /// Says why the folder cannot be used, or returns null; <paramref name="missing"/> lists the folders that
    /// creating it will make, deepest first.
    /// </summary>
    private static string? FindObstacle(string path, out List<string> missing)
    {
        missing = [];
        if (File.Exists(path))
        {
            return "this is a file, not a folder.";
        }

        for (var ancestor = path; ancestor is not null; ancestor = Path.GetDirectoryName(ancestor))
        {
            if (File.Exists(ancestor))
            {
                return $"{ancestor} is a file, so no folder can be made inside it.";
            }

            if (Directory.Exists(ancestor))
            {
                break;
            }

            missing.Add(ancestor);
        }

        foreach (var name in new[] { CellFile, ControlFile })
        {
            if (Directory.Exists(Path.Combine(path, name)))
            {
                return $"{name} in it is a folder, and the sample needs that name for a database file.";
            }
        }

        return null;
    }

    private static List<string> DeleteEarlierDatabases(string path)
    {
        var deleted = new List<string>();
        foreach (var name in new[] { CellFile, ControlFile }.SelectMany(n => Suffixes.Select(s => n + s)))
        {
            var file = Path.Combine(path, name);
            if (File.Exists(file))
            {
                File.Delete(file);
                deleted.Add(name);
            }
        }

        return deleted;
    }

    private static void RemoveEmptyFolders(List<string> folders)
    {
        foreach (var folder in folders.Where(Directory.Exists))
        {
            try
            {
                Directory.Delete(folder, recursive: false);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Not empty or not ours to remove after all: leave it.
            }
        }
    }
}
