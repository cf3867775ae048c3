using System.Globalization;
using System.Text;
using Twin.Core.Validation;

namespace Twin.Core.IO;

/// <summary>Small text inputs (scenario, mapping files) read strictly as UTF-8, as their JSON must be (RFC 8259 §8.1).</summary>
public static class TextInput
{
    /// <summary>Larger than any scenario or mapping: a bigger file is not one (and is not read into memory).</summary>
    public const long MaxBytes = 16 << 20;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text of <paramref name="path"/>; <paramref name="field"/> (e.g. "--scenario") names the input in errors.</summary>
    /// <exception cref="InputException">The file is larger than <see cref="MaxBytes"/>, or not UTF-8 (e.g. saved as Windows-1250): the byte is named.</exception>
    /// <exception cref="IOException">It cannot be read.</exception>
    public static string ReadUtf8(string path, string field)
    {
        long length = new FileInfo(path).Length;
        if (length > MaxBytes)
        {
            throw InputException.Fatal(path, field, $"{length / (1 << 20)} MiB", $"is larger than the {MaxBytes >> 20} MiB a scenario or mapping file may have", "Check that this is the right file.", IssueCodes.UnreadableFile);
        }

        byte[] bytes = File.ReadAllBytes(path);
        try
        {
            string text = Strict.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text; // a byte-order mark (Windows editors write one)
        }
        catch (DecoderFallbackException ex)
        {
            string at = ex.Index >= 0 ? string.Create(CultureInfo.InvariantCulture, $" at byte {ex.Index}") : string.Empty;
            throw InputException.Fatal(path, field, null, $"is not UTF-8 text (an invalid byte{at})", "Save the file as UTF-8 (most editors: 'Save with encoding'); the file may also be damaged.", IssueCodes.UnreadableFile, ex);
        }
    }
}
