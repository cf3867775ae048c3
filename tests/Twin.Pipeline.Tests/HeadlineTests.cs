namespace Twin.Pipeline.Tests;

public sealed class HeadlineTests
{
    private static YearTotals Year(int year, double investment, double cost, double costWithout, double co2, double co2Without) =>
        new(year, 0, 0, investment, 0, co2, co2Without, cost, costWithout, new Dictionary<string, double>());

    [Fact]
    public void EurPerTonne_DiscountedNetCostOverTonnesAvoided_HandChecked()
    {
        // 2025: invest 1,000 EUR, save 100 EUR, avoid 2 t; 2026: save 100 EUR, avoid 2 t; 5 %/a.
        // Cost: (1,000 − 100) + (0 − 100) / 1.05 = 804.7619 EUR; avoided: 4 t → 201.1905 EUR/t.
        Headline h = Headline.From("s", "S", 1, 1, 0.05, [Year(2025, 1000, 400, 500, 8000, 10000), Year(2026, 0, 400, 500, 8000, 10000)]);
        Assert.Equal(4.0, h.AvoidedTonnes, 1e-12);
        Assert.Equal(900 - (100 / 1.05), h.DiscountedNetCostEur, 1e-9);
        Assert.Equal((900 - (100 / 1.05)) / 4, h.EurPerTonneAvoided, 1e-9);
        Assert.Equal(0.0, h.Co2CutKg(2026)); // the stock emits as much in 2026 as in 2025
        Assert.True(double.IsNaN(h.Co2CutKg(2030))); // outside the horizon
    }

    [Fact]
    public void NothingAvoided_NoCostPerTonne()
    {
        Headline h = Headline.From("s", "S", 1, 0, 0.03, [Year(2025, 0, 500, 500, 10000, 10000)]);
        Assert.True(double.IsNaN(h.EurPerTonneAvoided));
        Assert.Contains("no CO₂ avoided", h.ToString(), StringComparison.Ordinal);
    }
}
