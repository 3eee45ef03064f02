// Scenario: per-epoch plans written as records: each epoch the trainer makes `new EpochPlan(data, epoch)`. A seed
// that reads the record's parameter `Epoch` (the property initializer) or its property (the getter) is fixed for the
// loader's life, a constructor's being no per-epoch factory's (relabelled after the red team: the page exempted it);
// an ordinary factory method with a parameter `epoch_idx` is, one with `ep` is not. Fix All adds `using Composer.Data;`
// once for all three (it used to drop one of the three fixes in a pass).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam16.EpochParameterRecordForms;

public sealed record EpochPlan(utils.data.Dataset Data, int Epoch)
{
    public DataLoader Initialized { get; } = new DataLoader(Data, 64, shuffle: true, seed: 11 + Epoch); //! CMP003 a constructor parameter: the loader lives as long as the record

    public DataLoader Computed => new DataLoader(Data, 64, shuffle: true, seed: 11 + Epoch); //! CMP003
}

public static class Factories
{
    public static DataLoader ForEpoch(utils.data.Dataset data, int epoch_idx) =>
        new DataLoader(data, 64, shuffle: true, seed: 100 * epoch_idx + 5);

    public static DataLoader ForEpochNamedEp(utils.data.Dataset data, int ep) =>
        new DataLoader(data, 64, shuffle: true, seed: 100 * ep + 5); //! CMP003
}
