using Twin.Core.IO;
using Twin.Core.Validation;
using Twin.Pipeline.Advice;
using Twin.Sim.Engine;
using Twin.Sim.Systems;

namespace Twin.Pipeline.Tests.Advice;

/// <summary>Packages follow the rules where the building stands: regional bans (defaults/heating_bans.csv) and district heat only where a network is.</summary>
public sealed class HeatingRulesTests
{
    private static AdviceReport Advise(TwinData data, string type, double area, string heating, int year) =>
        Advising.ForType(data, ScenarioFile.Load(data.Sample.AdvisorScenarioPath), type, area, heating, year);

    [Fact]
    public void KrakowCoalHouse_NoPackageKeepsCoalOrInstallsSolidFuel_EachRefusalNamed()
    {
        AdviceReport r = Advise(PipelineFixtures.Data.WithCity("Kraków"), "PL.N.SFH.02", 140, "coal-boiler", 1965);
        Assert.NotEmpty(r.Packages);
        Assert.All(r.Packages, a => Assert.DoesNotContain(a.HeatingAfter, new[] { "coal-boiler", "biomass-boiler" }));
        Assert.Contains(r.NotOffered, n => n.Package == "usual-envelope" && n.Reason.Contains("keeps a coal-boiler, banned in Kraków from 2019-09-01", StringComparison.Ordinal));
        Assert.Contains(r.NotOffered, n => n.Package == "usual-envelope-pellet" && n.Reason.Contains("installs a biomass-boiler", StringComparison.Ordinal));
        Assert.Contains(r.NotOffered, n => n.Package == "district-heat-only" && n.Reason.Contains("no district-heating network", StringComparison.Ordinal));
        Assert.Contains(r.Packages, a => a.Package == "usual-envelope-gas");
        Assert.Equal("Kraków", r.City);
    }

    [Fact]
    public void WithoutACity_NoBanApplies_AndWarsawBansCoalOnly()
    {
        AdviceReport nowhere = Advise(PipelineFixtures.Data, "PL.N.SFH.02", 140, "coal-boiler", 1965);
        Assert.Contains(nowhere.Packages, a => a.Package == "usual-envelope" && a.HeatingAfter == "coal-boiler");
        Assert.Null(nowhere.City);

        AdviceReport warsaw = Advise(PipelineFixtures.Data.WithCity("warszawa"), "PL.N.SFH.02", 140, "coal-boiler", 1965);
        Assert.DoesNotContain(warsaw.Packages, a => a.HeatingAfter == "coal-boiler");
        Assert.Contains(warsaw.Packages, a => a.Package == "usual-envelope-pellet"); // wood pellets stay allowed in Warsaw
    }

    [Fact]
    public void DistrictHeat_OnlyWhereANetworkIs()
    {
        AdviceReport house = Advise(PipelineFixtures.Data, "PL.N.SFH.02", 140, "gas-boiler", 1965);
        Assert.DoesNotContain(house.Packages, a => a.HeatingAfter == "district-heat");
        AdviceReport connected = Advise(PipelineFixtures.Data.WithDistrictHeatAvailable(true), "PL.N.SFH.02", 140, "gas-boiler", 1965);
        Assert.Contains(connected.Packages, a => a.Package == "district-heat-only");

        // A block already on district heat: connecting again changes nothing, so it is not offered as a package of its own.
        AdviceReport block = Advise(PipelineFixtures.Data, "PL.N.AB.03", 3500, "district-heat", 1975);
        Assert.Contains(block.NotOffered, n => n.Package == "district-heat-only" && n.Reason.Contains("changes nothing", StringComparison.Ordinal));
    }

    [Fact]
    public void BanTable_DamagedRows_AreRejected()
    {
        const string Csv = "area,systems,from,note,source\nX,coal-boilr,2019-09-01,n,s\nY,coal-boiler,1.9.2019,n,s\n";
        var ex = Assert.Throws<InputException>(() => SimulationData.HeatingBansFromTable(CsvTable.Parse(Csv, "heating_bans.csv")));
        Assert.Contains(ex.Issues, i => i.Value == "coal-boilr" && i.Message == "is not a heat generator");
        Assert.Contains(ex.Issues, i => i.Value == "1.9.2019" && i.Message == "is not a date");
    }

    [Fact]
    public void ShippedBans_KrakowAndWarsaw()
    {
        IReadOnlyList<HeatingBan> bans = PipelineFixtures.Data.Simulation.HeatingBans;
        Assert.Contains(bans, b => b.Area == "Kraków" && b.Systems.Contains(HeatingSystem.BiomassBoiler) && b.From == new DateOnly(2019, 9, 1));
        Assert.Contains(bans, b => b.Area == "Warszawa" && b.Systems.SetEquals(new[] { HeatingSystem.CoalBoiler }) && b.From == new DateOnly(2023, 10, 1));
    }

    [Theory]
    [InlineData("Krakow")]
    [InlineData(" KRAKÓW ")]
    public void CityNames_MatchIgnoringCaseAndDiacritics(string city)
    {
        AdviceReport r = Advise(PipelineFixtures.Data.WithCity(city), "PL.N.SFH.02", 140, "coal-boiler", 1965);
        Assert.DoesNotContain(r.Packages, a => a.HeatingAfter is "coal-boiler" or "biomass-boiler");
        Assert.True(HeatingRules.SamePlace("Łódź", "lodz"));
    }

    [Fact]
    public void PackageWithTheSameHeating_IsNotOfferedTwice()
    {
        AdviceReport r = Advise(PipelineFixtures.Data, "PL.N.SFH.02", 140, "gas-boiler", 1965);
        Assert.Contains(r.NotOffered, n => n.Package == "usual-envelope-gas" && n.Reason.Contains("already has a gas-boiler", StringComparison.Ordinal));
        Assert.Contains(r.Packages, a => a.Package == "usual-envelope");
    }
}
