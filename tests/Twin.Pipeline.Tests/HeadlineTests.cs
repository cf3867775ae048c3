namespace Twin.Pipeline.Tests;

public sealed class HeadlineTests
{
    private static YearTotals Year(int year, double investment, double cost, double costWithout, double co2, double co2Without, LifeCycleCosts? costs = null) =>
        new(year, 0, 0, investment, 0, co2, co2Without, cost, costWithout, costs ?? LifeCycleCosts.None, new Dictionary<string, double>());

    [Fact]
    public void EurPerTonne_DiscountedNetCostOverDiscountedTonnes_HandChecked()
    {
        // 2025: invest 1,000 EUR, save 100 EUR, avoid 2 t; 2026: save 100 EUR, avoid 2 t; 5 %/a.
        // Cost: (1,000 − 100) + (0 − 100) / 1.05 = 804.7619 EUR; tonnes discounted like money: 2 + 2 / 1.05 = 3.90476 t.
        Headline h = Headline.From("s", "S", 1, 1, 0.05, [Year(2025, 1000, 400, 500, 8000, 10000), Year(2026, 0, 400, 500, 8000, 10000)]);
        Assert.Equal(4.0, h.AvoidedTonnes, 1e-12);
        Assert.Equal(2 + (2 / 1.05), h.DiscountedAvoidedTonnes, 1e-12);
        Assert.Equal(900 - (100 / 1.05), h.DiscountedNetCostEur, 1e-9);
        Assert.Equal((900 - (100 / 1.05)) / (2 + (2 / 1.05)), h.EurPerTonneAvoided, 1e-9);
        Assert.Equal(0.0, h.Co2CutKg(2026)); // the stock emits as much in 2026 as in 2025
        Assert.True(double.IsNaN(h.Co2CutKg(2030))); // outside the horizon
    }

    [Fact]
    public void LifeCycleCosts_AnywayMaintenanceReplacementsResidual_HandChecked()
    {
        // 2025: invest 1,000 of which 300 anyway; maintenance 20 vs 50 without; 2026: a replacement of 200 avoided (0 vs 200);
        // residual value at the end of 2026: 400 vs 100, valued at the end of the last year (÷ 1.05²). Energy saves 100 per year.
        var y1 = new LifeCycleCosts(300, 20, 50, 0, 0, 0, 0);
        var y2 = new LifeCycleCosts(0, 20, 50, 0, 200, 400, 100);
        Headline h = Headline.From("s", "S", 1, 1, 0.05, [Year(2025, 1000, 400, 500, 8000, 10000, y1), Year(2026, 0, 400, 500, 8000, 10000, y2)]);
        double expected = (1000 - 300 + (20 - 50) - 100) + (((20 - 50) + (0 - 200) - 100) / 1.05) - ((400 - 100) / (1.05 * 1.05));
        Assert.Equal(expected, h.DiscountedNetCostEur, 1e-9);
    }

    [Fact]
    public void NothingAvoided_NoCostPerTonne()
    {
        Headline h = Headline.From("s", "S", 1, 0, 0.03, [Year(2025, 0, 500, 500, 10000, 10000)]);
        Assert.True(double.IsNaN(h.EurPerTonneAvoided));
        Assert.Contains("no CO₂ avoided", h.ToString(), StringComparison.Ordinal);
    }
}
