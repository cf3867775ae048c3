namespace Twin.Sim.Systems;

/// <summary>
/// A district-heating network: its non-renewable primary-energy factor w_PC as the supplier publishes it (the Polish EPC
/// methodology lets supplier values override the table) and its CO₂ factor per kWh delivered, each with its basis.
/// Data: data/samples/defaults/district_heat_networks.csv.
/// </summary>
public sealed record DistrictHeatNetwork(string Id, string Name, double PrimaryFactor, int PrimaryFactorYear, double Co2KgPerKWh, string Co2Basis, string Source);
