using Twin.Core.IO;
using Twin.Core.Validation;
using Twin.Sim.Engine;
using Twin.Sim.Systems;

namespace Twin.Pipeline.Tests;

/// <summary>District heat carries the factors of the network the stock is on (data/samples/defaults/district_heat_networks.csv).</summary>
public sealed class DistrictHeatNetworkTests
{
    [Fact]
    public void Default_IsTheWarsawNetwork_WithItsPublishedPrimaryFactor()
    {
        SimulationData d = PipelineFixtures.Data.Simulation;
        Assert.Equal("warszawa-wsc", d.Network!.Id);
        Assert.Equal(0.91, d.Carriers[Carrier.DistrictHeat].PrimaryNonRenewable); // Veolia Energia Warszawa, W_Pc 2021
        Assert.Equal(0.28, d.Carriers[Carrier.DistrictHeat].Co2KgPerKWh);
        Assert.Contains("Veolia", d.Carriers[Carrier.DistrictHeat].Source, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherNetwork_ReplacesBothFactors_AndATypoIsNamed()
    {
        TwinData other = PipelineFixtures.Data.WithNetwork("Warszawa-Miedzylesie");
        Assert.Equal(1.60, other.Simulation.Carriers[Carrier.DistrictHeat].PrimaryNonRenewable);
        Assert.Equal(0.42, other.Simulation.Carriers[Carrier.DistrictHeat].Co2KgPerKWh);
        Assert.Equal(0.91, PipelineFixtures.Data.Simulation.Carriers[Carrier.DistrictHeat].PrimaryNonRenewable); // unchanged

        var ex = Assert.Throws<InputException>(() => PipelineFixtures.Data.WithNetwork("warszawa-wcs"));
        Assert.Contains(ex.Issues, i => i.Field == "--dh-network" && i.Hint.Contains("Did you mean warszawa-wsc", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("network,default,name,w_pc,w_pc_year,co2_kg_per_kwh,co2_basis,source\na,no,A,0.9,2021,0.3,x,y\n", "exactly one network must be the default")]
    [InlineData("network,default,name,w_pc,w_pc_year,co2_kg_per_kwh,co2_basis,source\na,yes,A,9,2021,0.3,x,y\n", "outside the plausible range")]
    [InlineData("network,default,name,w_pc,co2_kg_per_kwh,co2_basis,source\na,yes,A,0.9,0.3,x,y\n", "column 'w_pc_year' is missing")]
    public void DamagedTable_IsRejected(string csv, string message)
    {
        var ex = Assert.Throws<InputException>(() => SimulationData.NetworksFromTable(CsvTable.Parse(csv, "district_heat_networks.csv")));
        Assert.Contains(ex.Issues, i => i.Message.Contains(message, StringComparison.Ordinal));
    }
}
