using Twin.Core.IO;
using Twin.Core.Loading;
using Twin.Core.Validation;

namespace Twin.Core.Tests.Loading;

/// <summary>A mapping file is read strictly: misspelt keys and nulls are errors naming their JSON path (issue 9).</summary>
public sealed class MappingValidationTests
{
    private static readonly string Sample = File.ReadAllText(TestPaths.SampleMapping);

    [Theory]
    [InlineData("\"storeys\":", "\"storeyz\":", "$.storeyz", "Did you mean 'storeys'?")]
    [InlineData("\"useClasses\":", "\"useClass\":", "$.useClass", "Did you mean 'useClasses'?")]
    [InlineData("\"id\": [\"bdot_id\"]", "\"id\": null", "$.id", "leave the member out")]
    [InlineData("\"id\": [\"bdot_id\"]", "\"id\": [null]", "$.id[0]", "leave the member out")]
    [InlineData("\"1110\": \"single-family\"", "\"1110\": null", "$.useClasses.1110", "leave the member out")]
    public void BrokenMapping_IsRefused_NamingThePath(string from, string to, string path, string hintPart)
    {
        Assert.Contains(from, Sample, StringComparison.Ordinal);
        var ex = Assert.Throws<InputException>(() => AttributeMapping.Parse(Sample.Replace(from, to, StringComparison.Ordinal), "m.json"));
        DataIssue issue = Assert.Single(ex.Issues);
        Assert.Equal("m.json", issue.File);
        Assert.Equal(path, issue.Field);
        Assert.Equal(IssueCodes.InvalidMapping, issue.Code);
        Assert.Contains(hintPart, issue.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void MappingNotInUtf8_IsRefused_NamingTheByte_ButABomIsFine()
    {
        string dir = TestPaths.NewTempDir();
        string cp1250 = Path.Combine(dir, "cp1250.json"), bom = Path.Combine(dir, "bom.json");
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        string polish = Sample.Replace("\"name\": \"bdot10k\"", "\"name\": \"bdot10k Śródmieście\"", StringComparison.Ordinal);
        File.WriteAllBytes(cp1250, System.Text.Encoding.GetEncoding(1250).GetBytes(polish));
        File.WriteAllText(bom, Sample, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var ex = Assert.Throws<InputException>(() => MappingFile.Read(cp1250));
        Assert.Contains("is not UTF-8 text (an invalid byte at byte", ex.Issues[0].Message, StringComparison.Ordinal);
        Assert.Equal("bdot10k", MappingFile.Read(bom).Name);
    }

    [Fact]
    public void SampleMapping_IsValid() => Assert.Equal("bdot10k", MappingFile.Read(TestPaths.SampleMapping).Name);
}
