using Twin.Core.Loading;
using Twin.Core.Validation;

namespace Twin.Core.IO;

/// <summary>Reads an attribute mapping file (JSON, <see cref="AttributeMapping.Parse"/>).</summary>
public static class MappingFile
{
    /// <summary>The mapping in <paramref name="path"/>.</summary>
    /// <exception cref="InputException">The file does not exist, cannot be read or is not a valid mapping.</exception>
    public static AttributeMapping Read(string path)
    {
        if (!File.Exists(path))
        {
            throw InputException.Fatal(path, "--mapping", path, "attribute mapping file not found", "Check the path given to --mapping.", IssueCodes.FileNotFound);
        }

        string json;
        try
        {
            json = TextInput.ReadUtf8(path, "--mapping");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw InputException.Fatal(path, "--mapping", null, $"cannot read the attribute mapping: {ex.Message}", "Check the file's permissions.", IssueCodes.UnreadableFile, ex);
        }

        return AttributeMapping.Parse(json, path);
    }
}
