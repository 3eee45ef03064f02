// Scenario: the trainer framework takes a per-epoch loader factory `Func<int, DataLoader>` and calls it with each
// epoch (in another assembly). The lambda's parameter is `epoch`, but a lambda is judged at its calls, and none is
// in view: outside every loop its seed is fixed, so by the page it is flagged. The same factory written as a
// method is not.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam16.LambdaFactoryHandedOn;

public interface IEpochTrainer
{
    void Fit(Func<int, DataLoader> loaderForEpoch, int epochs);
}

public static class Wiring
{
    public static void Start(IEpochTrainer trainer, utils.data.Dataset data, int epochs)
    {
        trainer.Fit(epoch => new DataLoader(data, 64, shuffle: true, seed: 17 + epoch), epochs); //! CMP003
        trainer.Fit(epoch => ForEpoch(data, epoch), epochs);
    }

    private static DataLoader ForEpoch(utils.data.Dataset data, int epoch) =>
        new DataLoader(data, 64, shuffle: true, seed: 17 + epoch);
}
