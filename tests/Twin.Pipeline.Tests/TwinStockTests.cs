using Twin.Core.Stock;
using Twin.Pipeline.IO;
using Twin.Tests.Shared;

namespace Twin.Pipeline.Tests;

public sealed class TwinStockTests
{
    /// <summary>twin reads its own stock files back with no mapping and simulates the same buildings (2,445 residential).</summary>
    [Theory]
    [InlineData("stock.parquet")]
    [InlineData("stock.gpkg")]
    [InlineData("stock.geojson")]
    public void OwnStockFile_ReadBackWithNoMapping_SameBuildingsSameTypes(string file)
    {
        TwinStock original = PipelineFixtures.SampleStock;
        string dir = RunDirectory.WriteStock(original, PipelineFixtures.Data, Path.Combine(RepoPaths.NewTempDir(), "stock"));
        TwinStock back = TwinStock.Load(new StockSource { Path = Path.Combine(dir, file) }, PipelineFixtures.Data);

        BuildingStock a = original.Buildings, b = back.Buildings;
        Assert.Equal(original.Fingerprint, back.Fingerprint);
        Assert.Equal(a.TypologyIndex, b.TypologyIndex);
        Assert.Equal(a.SizeClass, b.SizeClass);
        Assert.Equal(a.ConstructionYear, b.ConstructionYear);
        Assert.Equal(a.ConstructionYearSource, b.ConstructionYearSource); // an inferred year stays inferred
        Assert.Equal(a.ConstructionYearRule, b.ConstructionYearRule);
        Assert.Equal(a.UseCode, b.UseCode);
        Assert.Equal(a.StoreysSource, b.StoreysSource);
        Assert.Equal(a.NeighbourhoodIndex.Select(i => i < 0 ? null : a.NeighbourhoodNames[i]), b.NeighbourhoodIndex.Select(i => i < 0 ? null : b.NeighbourhoodNames[i]));
        for (int i = 0; i < a.Count; i++)
        {
            Assert.Equal(a.HeatedFloorAreaM2[i], b.HeatedFloorAreaM2[i], Math.Max(1e-3, a.HeatedFloorAreaM2[i] * 1e-6)); // WGS 84 round trip of the footprint
        }

        ScenarioRun run = ScenarioRun.Execute(back, PipelineFixtures.Data, PipelineFixtures.Scenario("bau"));
        Assert.Equal(2445, run.Headline.Simulated);
        Assert.Equal(PipelineFixtures.SampleRuns[0].Headline.Renovated, run.Headline.Renovated);
    }
}
