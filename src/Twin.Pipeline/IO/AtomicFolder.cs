using System.Diagnostics;
using System.Globalization;
using Twin.Core.Validation;

namespace Twin.Pipeline.IO;

/// <summary>
/// All-or-nothing output folders. Everything is written into a hidden sibling <c>.NAME.tmp-PID-RANDOM</c>, which is
/// renamed into place as the last step (an existing folder of a previous run is first renamed aside, then removed), so a
/// process killed at any point never leaves a folder that mixes two runs or looks complete: at worst the old folder, a
/// missing one, or hidden leftovers, which the next write into the same parent removes once their process is gone.
/// </summary>
internal static class AtomicFolder
{
    /// <summary>Files a twin output folder may hold; a folder with anything else is not replaced (it may be the user's).</summary>
    private static readonly HashSet<string> OutputNames = new(StringComparer.Ordinal)
    {
        "manifest.json", "buildings.parquet", "buildings.gpkg", "years.parquet", "years.csv", "neighbourhoods.parquet", "neighbourhoods.csv",
        "rejects.geojson", "issues.csv", "stock.parquet", "stock.gpkg", "stock.geojson", "map-co2.png",
    };

    /// <summary>Writes <paramref name="dir"/> completely through <paramref name="writeInto"/> (called with the temporary folder), then renames it into place.</summary>
    /// <exception cref="InputException"><paramref name="dir"/> is a file, or a folder that is not a twin output folder.</exception>
    public static void Write(string dir, string option, Action<string> writeInto, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(dir))
        {
            throw InputException.Argument(option, dir, "is empty", "Give the folder to write into.");
        }

        string target = Path.GetFullPath(dir).TrimEnd(Path.DirectorySeparatorChar);
        string parent = Path.GetDirectoryName(target) ?? throw InputException.Argument(option, dir, "cannot write to the root folder", "Give a folder below it.");
        string name = Path.GetFileName(target);
        CheckReplaceable(target, option);
        string tmp = Path.Combine(parent, TempName(name, "tmp"));
        try
        {
            Directory.CreateDirectory(parent);
            RemoveLeftovers(parent, name);
            Directory.CreateDirectory(tmp);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw InputException.Argument(option, dir, $"cannot be created: {ex.Message.TrimEnd('.')}", "Give a folder you can write to.");
        }

        try
        {
            writeInto(tmp);
            cancellation.ThrowIfCancellationRequested();
            if (Directory.Exists(target))
            {
                string old = Path.Combine(parent, TempName(name, "old"));
                Directory.Move(target, old);
                Directory.Move(tmp, target);
                Directory.Delete(old, recursive: true);
            }
            else
            {
                Directory.Move(tmp, target);
            }
        }
        catch (Exception ex) when (ex is IOException and not FileNotFoundException and not DirectoryNotFoundException
            || ex is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 13 or 10 }) // SQLITE_FULL, SQLITE_IOERR (the GeoPackage writer)
        {
            // A full disk or a failing device: the earlier folder was not touched (it is replaced only by the last rename).
            throw InputException.Argument(option, dir, $"cannot be written: {(ex is IOException ? ex.Message.TrimEnd('.') : "the disk is full or failing")}", "Free space on that disk or give another folder; an earlier run in the folder is unchanged.");
        }
        finally
        {
            if (Directory.Exists(tmp))
            {
                Directory.Delete(tmp, recursive: true);
            }
        }
    }

    private static string TempName(string name, string kind) => $".{name}.{kind}-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>An existing <paramref name="target"/> may be replaced only when it is empty or holds nothing but twin outputs.</summary>
    private static void CheckReplaceable(string target, string option)
    {
        if (File.Exists(target))
        {
            throw InputException.Argument(option, target, "is a file, not a folder", "Give a folder for the outputs.");
        }

        if (!Directory.Exists(target))
        {
            return;
        }

        string? foreign = Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName).FirstOrDefault(n => n is not null && !OutputNames.Contains(n) && !n.StartsWith('.'));
        if (foreign is not null && File.Exists(Path.Combine(target, foreign, "manifest.json")))
        {
            throw InputException.Argument(option, target, $"holds the run folder '{foreign}' of an earlier run of several scenarios", $"Give the run folder itself ({Path.Combine(target, foreign)}) or a new folder: one scenario is written straight into --out, several into --out/<scenario name>.");
        }

        if (foreign is not null)
        {
            throw InputException.Argument(option, target, $"exists and holds '{foreign}', which twin did not write", "Give a new folder (or one written by an earlier twin run): twin replaces the whole folder.");
        }
    }

    /// <summary>Removes hidden temporary and set-aside folders of <paramref name="name"/> whose writing process has ended.</summary>
    private static void RemoveLeftovers(string parent, string name)
    {
        foreach (string path in Directory.EnumerateDirectories(parent, $".{name}.*-*"))
        {
            string[] parts = Path.GetFileName(path)[(name.Length + 2)..].Split('-');
            if (parts.Length == 3 && parts[0] is "tmp" or "old" && int.TryParse(parts[1], CultureInfo.InvariantCulture, out int pid) && !IsRunning(pid))
            {
                try
                {
                    Directory.Delete(path, recursive: true);
                }
                catch (IOException)
                {
                    // Another process removes it at the same time; nothing is lost.
                }
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return false; // our own leftovers from a failed earlier write in this process
        }

        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
