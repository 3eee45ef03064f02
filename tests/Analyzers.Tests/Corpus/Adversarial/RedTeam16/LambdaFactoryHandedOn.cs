// Scenario: the trainer framework takes a per-epoch loader factory `Func<int, DataLoader>` and calls it with each
// epoch (in another assembly). The lambda's parameter is `epoch` and its calls are not in view, so it is judged by
// that name as the same factory written as a method is: a per-epoch factory, right (red team 16 labelled it CMP003 by
// the page of its day, which judged every lambda at its calls).
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
        trainer.Fit(epoch => new DataLoader(data, 64, shuffle: true, seed: 17 + epoch), epochs);
        trainer.Fit(epoch => ForEpoch(data, epoch), epochs);
    }

    private static DataLoader ForEpoch(utils.data.Dataset data, int epoch) =>
        new DataLoader(data, 64, shuffle: true, seed: 17 + epoch);
}
