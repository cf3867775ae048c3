using Twin.Core.Validation;
using Twin.Pipeline.Advice;
using Twin.Pipeline.IO;

namespace Twin.Pipeline.Tests.Advice;

/// <summary>The advisor from what a homeowner knows (kind of house, year, area, heating, city) and its printable report.</summary>
public sealed class HomeownerAdviceTests
{
    private static ScenarioFile Advisor => ScenarioFile.Load(PipelineFixtures.Data.Sample.AdvisorScenarioPath);

    [Fact]
    public void House_FindsTheTabulaType_ByKindAndYear()
    {
        AdviceReport r = Advising.ForHouse(PipelineFixtures.Data, Advisor, "Detached", 1975, 140, "gas-boiler");
        Assert.Equal("PL.N.SFH.03.Gen", r.Typology[..15]);
        Assert.Null(r.Alternative); // 1975 is in the middle of 1967–1985
        Assert.Equal("PL.N.AB.03.Gen", Advising.ForHouse(PipelineFixtures.Data, Advisor, "apartment-block", 1975, 3500, "district-heat").Typology[..14]);
    }

    [Fact]
    public void YearAtThePeriodEdge_GivesBothAnswers_WithANote()
    {
        AdviceReport r = Advising.ForHouse(PipelineFixtures.Data, Advisor, "detached", 1965, 140, "gas-boiler");
        Assert.StartsWith("PL.N.SFH.02", r.Typology, StringComparison.Ordinal);
        Assert.NotNull(r.Alternative);
        Assert.StartsWith("PL.N.SFH.03", r.Alternative!.Typology, StringComparison.Ordinal);
        Assert.Contains(r.Notes, n => n.Contains("Built 1965: at the edge of PL.N.SFH.02.Gen", StringComparison.Ordinal) && n.Contains("the construction year decides", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bungalow", 1965, "--house", "is not a kind of house")]
    [InlineData("detachd", 1965, "--house", "Did you mean detached")]
    [InlineData("detached", 3000, "--year", "is not a plausible construction year")]
    public void BadInput_NamesTheOption(string house, int year, string option, string text)
    {
        var ex = Assert.Throws<InputException>(() => Advising.ForHouse(PipelineFixtures.Data, Advisor, house, year, 140, "gas-boiler"));
        Assert.Contains(ex.Issues, i => i.Field == option && (i.Message.Contains(text, StringComparison.Ordinal) || i.Hint.Contains(text, StringComparison.Ordinal)));
    }

    [Fact]
    public void Report_InPln_OnePageOfEverythingTheClientNeeds()
    {
        TwinData data = PipelineFixtures.Data.WithCity("Kraków");
        AdviceReport r = Advising.ForHouse(data, Advisor, "detached", 1965, 140, "coal-boiler");
        DisplayCurrency pln = DisplayCurrency.Pln(data);
        Assert.Equal(4.19, pln.PerEur);
        string html = AdviceHtml.Render(r, pln);
        Sim.Engine.Advice best = r.Packages[0];
        Assert.Contains(pln.Format(best.InvestmentEur), html, StringComparison.Ordinal); // the amounts in PLN
        Assert.Equal((best.InvestmentEur * 4.19).ToString("N0", System.Globalization.CultureInfo.InvariantCulture), pln.Format(best.InvestmentEur));
        Assert.Contains("investment PLN", html, StringComparison.Ordinal);
        Assert.Contains("1 EUR = 4.19 PLN", html, StringComparison.Ordinal);
        Assert.Contains("banned in Kraków from 2019-09-01", html, StringComparison.Ordinal);
        Assert.Contains("the construction year decides", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4 landscape", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(r.Packages.Count + 1, html.Split("<tr").Length - 2); // header + one row per package (+ the facts row)
    }

    [Fact]
    public void PolishScale_ReadsEp_WithSingleAndMultiFamilyBounds()
    {
        Sim.Systems.EnergyClassScale scale = PipelineFixtures.Data.Simulation.ClassScale;
        Assert.Equal(Sim.Systems.ClassBasis.PrimaryEnergy, scale.Basis);
        Assert.Equal("A", scale.ClassOf(60, Core.Stock.SizeClass.SFH));   // single-family A < 63
        Assert.Equal("B", scale.ClassOf(60, Core.Stock.SizeClass.MFH));   // multi-family A < 59
        Assert.Equal("A+", scale.ClassOf(-1, Core.Stock.SizeClass.AB));   // negative EP
        Assert.Equal("G", scale.ClassOf(151, Core.Stock.SizeClass.TH));
        Assert.Equal("G", scale.ClassOf(141, Core.Stock.SizeClass.AB));
        Assert.Equal("F", scale.ClassOf(139, Core.Stock.SizeClass.AB));
    }

    [Fact]
    public void HeatPumpAlone_InAnUnrenovatedBlock_DoesNotImproveItsClass()
    {
        // On EP (w_el 2.5) an air heat pump at 55 °C in a leaky 1975 block raises EP; on GEG's final-energy scale it jumped to C.
        AdviceReport r = Advising.ForHouse(PipelineFixtures.Data, Advisor, "apartment-block", 1975, 3500, "district-heat");
        Sim.Engine.Advice hp = r.Packages.Single(p => p.Package == "air-heat-pump-only");
        Assert.Equal("G", hp.ClassBefore);
        Assert.Equal("G", hp.ClassAfter);
        Assert.True(hp.PrimaryAfterKWhPerM2 > hp.PrimaryBeforeKWhPerM2);
        TwinData geg = PipelineFixtures.Data.WithClassScale(Path.Combine(PipelineFixtures.Data.Folder, "defaults", "energy_classes_geg2020.csv"));
        Assert.Equal("C", Advising.ForHouse(geg, Advisor, "apartment-block", 1975, 3500, "district-heat").Packages.Single(p => p.Package == "air-heat-pump-only").ClassAfter);
    }

    [Theory]
    [InlineData("class,upper_bound_kwh_per_m2,size_classes,basis\nA,50,\"SFH,TH\",primary\nB,,\"SFH,TH\",primary\n", "is not a TABULA size class")]
    [InlineData("class,upper_bound_kwh_per_m2,size_classes,basis\nA,50,SFH TH MFH AB,primary\nB,,SFH TH MFH AB,primary\nA,60,MFH,primary\nB,,MFH,primary\n", "is in two groups")]
    [InlineData("class,upper_bound_kwh_per_m2,size_classes,basis\nA,50,SFH TH,primary\nB,,SFH TH,primary\n", "have no bounds")]
    [InlineData("class,upper_bound_kwh_per_m2,basis\nA,50,final\nB,,primary\n", "is not one basis")]
    public void DamagedClassScale_IsRejected(string csv, string message)
    {
        var ex = Assert.ThrowsAny<InputException>(() => Sim.Engine.SimulationData.ClassScaleFromTable(Core.IO.CsvTable.Parse(csv, "energy_classes.csv")));
        Assert.Contains(ex.Issues, i => i.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void RuleByClass_MustNameAClassOfTheScale()
    {
        Sim.Scenarios.Scenario sc = ScenarioFile.Load(Path.Combine(PipelineFixtures.Data.Folder, "scenarios", "bau.json")).Scenario;
        sc = sc with { Rules = [.. sc.Rules.Select(r => r with { Classes = ["H"] })] };
        var ex = Assert.Throws<Sim.Engine.ScenarioException>(() => Sim.Engine.Simulator.Run(PipelineFixtures.SampleStock.Buildings, PipelineFixtures.Data.Simulation, sc));
        Assert.Contains(ex.Problems, p => p.Message.Contains("'H' is not a class of the energy-class scale", StringComparison.Ordinal));
    }

    [Fact]
    public void SubsidyByProgramme_AddsUpToTheSubsidy_AndSaysWhyNot()
    {
        AdviceReport house = Advising.ForHouse(PipelineFixtures.Data, Advisor, "detached", 1975, 140, "gas-boiler");
        foreach (Sim.Engine.Advice a in house.Packages)
        {
            Assert.Equal(a.SubsidyEur, a.Subsidies.Sum(l => l.AmountEur), 1e-6);
        }

        // The tax relief of a house: 53,000 PLN (12,649.165 EUR) × 12 % once the grant leaves more than the cap.
        Sim.Economics.SubsidyLine relief = house.Packages[0].Subsidies.Single(l => l.Programme == "ulga-termomodernizacyjna");
        Assert.Equal(12649.165 * 0.12, relief.AmountEur, 1e-6);
        Assert.All(house.Packages[0].Subsidies, l => Assert.False(l.Illustrative)); // the advisor's programmes are the real ones
        Assert.True(house.Packages[0].Subsidies.Single(l => l.Programme == "czyste-powietrze-2025").AmountEur > 0);

        AdviceReport block = Advising.ForHouse(PipelineFixtures.Data, Advisor, "apartment-block", 1975, 3500, "district-heat");
        Sim.Economics.SubsidyLine none = block.Packages[0].Subsidies.Single(l => l.Programme == "ulga-termomodernizacyjna");
        Assert.Equal(0, none.AmountEur);
        Assert.Equal("only for SFH, TH, not AB", none.Reason);
        Assert.StartsWith("16 %", block.Packages[0].Subsidies.Single(l => l.Programme == "premia-termomodernizacyjna").Reason, StringComparison.Ordinal);
        Assert.Contains("For package 1:", AdviceHtml.Render(block, DisplayCurrency.Eur), StringComparison.Ordinal);
    }

    [Fact]
    public void NewBuildEpLimit_NamedForHouses_WhereASourcedLimitExists()
    {
        AdviceReport house = Advising.ForHouse(PipelineFixtures.Data, Advisor, "detached", 1965, 140, "coal-boiler");
        string note = Assert.Single(house.Notes, n => n.StartsWith("New-build EP limit", StringComparison.Ordinal));
        Assert.Contains("70 kWh/(m²·a)", note, StringComparison.Ordinal);
        foreach (Sim.Engine.Advice a in house.Packages)
        {
            Assert.Equal(a.PrimaryAfterKWhPerM2 <= 70, note.Contains(a.Package + " (", StringComparison.Ordinal));
        }

        AdviceReport block = Advising.ForHouse(PipelineFixtures.Data, Advisor, "apartment-block", 1975, 3500, "district-heat");
        Assert.DoesNotContain(block.Notes, n => n.StartsWith("New-build EP limit", StringComparison.Ordinal)); // no sourced multi-family limit
        var twice = Twin.Core.IO.CsvTable.Parse("size_class,ep_max_kwh_per_m2,from,source\nSFH,70,2020-12-31,s\nSFH,65,2020-12-31,s\n", "ep_limits.csv");
        Assert.Contains(Assert.Throws<InputException>(() => Sim.Engine.SimulationData.EpLimitsFromTable(twice)).Issues, i => i.Message == "is listed twice");
    }
}
