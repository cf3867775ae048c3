using Twin.Core.IO;
using Twin.Core.Schema;

namespace Twin.Core.Tests.Schema;

public sealed class ColumnRegistryTests
{
    /// <summary>data/samples/SCHEMA.md is the registry rendered; regenerate it with `twin schema --out data/samples/SCHEMA.md` and review the diff.</summary>
    [Fact]
    public void SchemaMd_IsTheRegistry()
    {
        string file = File.ReadAllText(Path.Combine(TestPaths.Samples, "SCHEMA.md")).ReplaceLineEndings("\n");
        Assert.True(file == SchemaDocument.Markdown(), "data/samples/SCHEMA.md differs from the column registry: run `dotnet run --project src/Twin.Cli -c Release -- schema --out data/samples/SCHEMA.md` and review the diff.");
    }

    [Theory]
    [InlineData(OutputTable.Buildings, "co2_2050_kg", "CO₂ emissions in 2050", "kg/a", true)]
    [InlineData(OutputTable.Buildings, "district_heat_before_kwh", "Final energy: district heat, before renovation", "kWh/a", true)]
    [InlineData(OutputTable.Buildings, "heat_need_after_kwh", "Heat need for space heating, after renovation", "kWh/a", true)]
    [InlineData(OutputTable.Buildings, "simple_payback_years", "Simple payback", "a", false)]
    [InlineData(OutputTable.Years, "electricity_kwh", "Final energy: electricity", "kWh/a", true)]
    [InlineData(OutputTable.Stock, "heated_floor_area_m2", "Heated floor area", "m²", false)]
    public void Find_ResolvesNamesAndTemplates(OutputTable table, string name, string title, string unit, bool extensive)
    {
        ResolvedColumn c = ColumnRegistry.Find(table, name)!;
        Assert.Equal(title, c.FullTitle);
        Assert.Equal(unit, c.Unit);
        Assert.Equal(extensive, c.Spec.Extensive);
    }

    [Theory]
    [InlineData("co2_kg")] // a Years column, not a Buildings one
    [InlineData("co2_20x0_kg")]
    [InlineData("heat_need_kwh")]
    public void Find_UnregisteredName_IsNull(string name) => Assert.Null(ColumnRegistry.Find(OutputTable.Buildings, name));

    [Fact]
    public void Writer_UnregisteredOrMistypedColumn_IsABug()
    {
        Assert.Throws<ArgumentException>(() => ColumnRegistry.Column(OutputTable.Stock, "hieght_m", [1.0]));
        Assert.Throws<ArgumentException>(() => ColumnRegistry.Numbers(OutputTable.Stock, "typology", [1.0]));
        Assert.Equal(AttributeType.Integer, ColumnRegistry.Column(OutputTable.Stock, "storeys", [3L]).Type);
    }

    [Theory]
    [InlineData(494_312.0, "kg/a", "494 t/a")]
    [InlineData(108.7, "kg/a", "109 kg/a")]
    [InlineData(3.356e8, "EUR", "336 M EUR")]
    [InlineData(45_400_000.0, "EUR", "45.4 M EUR")]
    [InlineData(1_234.5, "kWh/(m²·a)", "1.23 MWh/(m²·a)")]
    [InlineData(0.04, "-", "0.04")]
    [InlineData(12.0, "m²", "12 m²")]
    [InlineData(double.NaN, "kg/a", "– kg/a")]
    public void Readable_OneValueInItsBestUnit(double value, string unit, string expected) => Assert.Equal(expected, Units.Readable(value, unit));

    [Theory]
    [InlineData("kg/a", "kg/(m²·a)")]
    [InlineData("kWh/a", "kWh/(m²·a)")]
    [InlineData("EUR", "EUR/m²")]
    public void PerSquareMetre_Units(string unit, string expected) => Assert.Equal(expected, Units.PerSquareMetre(unit));
}
