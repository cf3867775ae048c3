using Twin.Core.IO;
using Twin.Core.Schema;
using Twin.Pipeline.IO;
using Twin.Tests.Shared;

namespace Twin.Pipeline.Tests.IO;

/// <summary>What the writers write is what the registry (and so SCHEMA.md) says: no unregistered column, no stale entry, the registered type.</summary>
public sealed class WrittenColumnsTests
{
    public static TheoryData<OutputTable, string> Tables() => new()
    {
        { OutputTable.Buildings, "bau/buildings.parquet" },
        { OutputTable.Years, "bau/years.csv" },
        { OutputTable.Neighbourhoods, "bau/neighbourhoods.csv" },
        { OutputTable.Issues, "bau/issues.csv" },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void RunTables_AreExactlyTheRegistry(OutputTable table, string file)
    {
        string path = Path.Combine(PipelineFixtures.SampleRunFolders, file);
        IReadOnlyList<string> names = path.EndsWith(".parquet", StringComparison.Ordinal) ? GeoParquetReader.ColumnNames(path).Where(n => n != "geometry").ToList() : CsvTable.Read(path).Header;
        AssertSameAsRegistry(table, names);
    }

    [Fact]
    public void StockTable_IsExactlyTheRegistry_WithItsTypes()
    {
        string dir = RunDirectory.WriteStock(PipelineFixtures.SampleStock, PipelineFixtures.Data, Path.Combine(RepoPaths.NewTempDir(), "stock"));
        FeatureTable t = GeoParquetReader.Read(Path.Combine(dir, "stock.parquet"));
        AssertSameAsRegistry(OutputTable.Stock, t.Columns.Select(c => c.Name).ToList());
        foreach (AttributeColumn c in t.Columns)
        {
            Assert.True(ColumnRegistry.Find(OutputTable.Stock, c.Name)!.Spec.Type == c.Type, $"{c.Name}: written {c.Type}");
        }
    }

    private static void AssertSameAsRegistry(OutputTable table, IReadOnlyList<string> written)
    {
        Assert.All(written, n => Assert.True(ColumnRegistry.Find(table, n) is not null, $"{table} column '{n}' is written but not registered"));
        foreach (ColumnSpec spec in ColumnRegistry.Of(table))
        {
            Assert.True(written.Any(n => spec.Match(n) is not null), $"{table} column '{spec.Name}' is registered but not written");
        }
    }
}
