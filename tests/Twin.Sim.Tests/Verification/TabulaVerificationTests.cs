using Twin.Core.IO;
using Twin.Core.Typologies;
using Twin.Sim.Verification;

namespace Twin.Sim.Tests.Verification;

/// <summary>Verification against TABULA's published q_h_nd (not against our own output).</summary>
public sealed class TabulaVerificationTests
{
    /// <summary>The target for the existing states.</summary>
    private const double ExistingTolerancePercent = 1.0;

    /// <summary>The target for measures applied to the existing state (published variants are rounded to 0.1 kWh/(m²a)).</summary>
    private const double VariantTolerancePercent = 2.0;

    [Fact]
    public void PolishExistingStates_All26WithinOnePercent()
    {
        var rows = TabulaVerification.Verify(CsvTable.Read(Path.Combine(TestPaths.Typologies, "tabula_PL_existing_state.csv")).ToDictionaries());
        Assert.Equal(26, rows.Count);
        Assert.All(rows, r => Assert.InRange(Math.Abs(r.DeviationPercent), 0, ExistingTolerancePercent));
    }

    [SkippableFact]
    public void AllTwentyCountries_EveryRowWithinOnePercent()
    {
        string path = Path.Combine(TestPaths.SharedReference, "tabula", "episcope-tabula_existing_state_all_countries_tsib.csv");
        Skip.IfNot(File.Exists(path), $"{path} not found: ../shared/reference is absent on this machine.");
        var table = CsvTable.Read(path);
        var rows = TabulaVerification.Verify(table.ToDictionaries());
        Assert.Equal(759, rows.Count);
        Assert.Equal(20, table.ToDictionaries().Select(r => r["Code_Country"]).Distinct().Count());
        VerificationSummary s = VerificationSummary.Of(rows, ExistingTolerancePercent);
        Assert.Equal(rows.Count, s.WithinTolerance);
    }

    [Fact]
    public void PolishVariants_MeasuresAppliedToExistingState_Within2Percent()
    {
        var rows = VerifyPolishVariants();
        Assert.Equal(78, rows.Count);
        Assert.All(rows, r => Assert.True(Math.Abs(r.DeviationPercent) <= VariantTolerancePercent, $"{r.Code}: {r.ComputedKWhPerM2:0.0} vs published {r.PublishedKWhPerM2:0.0}"));
    }

    [Fact]
    public void PolishVariants_RefurbishedNeedsFallByTheRightOrder()
    {
        var rows = VerifyPolishVariants().ToDictionary(r => r.Code);
        double existing = rows["PL.N.MFH.02.Gen.ReEx.001.001"].ComputedKWhPerM2, usual = rows["PL.N.MFH.02.Gen.ReEx.001.002"].ComputedKWhPerM2, advanced = rows["PL.N.MFH.02.Gen.ReEx.001.003"].ComputedKWhPerM2;
        Assert.True(existing > 2.5 * usual && usual > advanced, $"{existing:0.0} > {usual:0.0} > {advanced:0.0}");
    }

    [Fact]
    public void VariantWithUnknownMeasure_FailsWithCodeInMessage()
    {
        var existing = CsvTable.Read(Path.Combine(TestPaths.Typologies, "tabula_PL_existing_state.csv")).ToDictionaries();
        var variant = new Dictionary<string, string>(CsvTable.Read(Path.Combine(TestPaths.Typologies, "tabula_PL_variants.csv")).ToDictionaries()[1]) { ["Code_Measure_Wall_1"] = "PL.Wall.Unobtainium.01" };
        var ex = Assert.Throws<InvalidDataException>(() => TabulaVerification.VerifyVariants(existing, [variant], Measures()));
        Assert.Contains("PL.Wall.Unobtainium.01", ex.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<VerificationRow> VerifyPolishVariants() => TabulaVerification.VerifyVariants(
        CsvTable.Read(Path.Combine(TestPaths.Typologies, "tabula_PL_existing_state.csv")).ToDictionaries(),
        CsvTable.Read(Path.Combine(TestPaths.Typologies, "tabula_PL_variants.csv")).ToDictionaries(),
        Measures());

    private static TabulaMeasureCatalog Measures() => TabulaMeasureCatalog.Load(Path.Combine(TestPaths.Typologies, "tabula_measures_PL.csv"), Path.Combine(TestPaths.Typologies, "measure_supplements_PL.csv"));
}
