using System.Security.Cryptography;
using Twin.Core.Validation;

namespace Twin.Pipeline.IO;

/// <summary>One file a run was made from, by its role (stock, mapping, scenario, data:carriers …).</summary>
public sealed record InputFile(string Role, string Path);

/// <summary>Checks and fingerprints input files: existence before any long work, SHA-256 for the manifest.</summary>
public static class InputFiles
{
    /// <summary>An issue for a file that does not exist (or is a folder), naming its role; null when it is there.</summary>
    public static DataIssue? Missing(string path, string role, string option)
    {
        if (File.Exists(path))
        {
            return null;
        }

        bool folder = Directory.Exists(path);
        string hint = folder ? $"Give the {role} file inside it." : option.StartsWith('-') ? $"Check the path given to {option}." : "Check the path.";
        return new DataIssue(path, null, option, null, null, folder ? $"is a folder, not a {role} file" : $"{role} file not found", hint, IssueOutcome.Fatal, IssueCodes.FileNotFound);
    }

    /// <summary>Throws when the file does not exist (see <see cref="Missing"/>).</summary>
    /// <exception cref="InputException">The file does not exist.</exception>
    public static void Require(string path, string role, string option)
    {
        if (Missing(path, role, option) is DataIssue issue)
        {
            throw new InputException(issue);
        }
    }

    /// <summary>True when the folder exists.</summary>
    public static bool FolderExists(string path) => Directory.Exists(path);

    /// <summary>Lower-case hex SHA-256 of a file's bytes.</summary>
    public static string Sha256(string path)
    {
        using FileStream f = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(f));
    }

    /// <summary>Reads a small text input (mapping, scenario) as UTF-8.</summary>
    /// <exception cref="InputException">The file does not exist or cannot be read.</exception>
    public static string ReadText(string path, string role, string option)
    {
        Require(path, role, option);
        try
        {
            return Twin.Core.IO.TextInput.ReadUtf8(path, option);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw InputException.Fatal(path, option, null, $"cannot read the {role} file: {ex.Message}", "Check the file's permissions.", IssueCodes.UnreadableFile, ex);
        }
    }
}
