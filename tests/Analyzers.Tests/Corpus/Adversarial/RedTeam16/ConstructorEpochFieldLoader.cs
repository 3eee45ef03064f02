// Scenario: a fine-tuner built once from a checkpoint takes the epoch to resume from (`epoch` in its constructor,
// `currentEpoch` in a primary constructor) and stores one shuffling TorchSharp loader seeded from it in a field;
// its Fit loops over the remaining epochs and iterates that same loader: a fixed seed, the same order every epoch.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam16.ConstructorEpochFieldLoader;

public sealed class FineTuner
{
    private readonly DataLoader _train;
    private readonly int _start;

    public FineTuner(utils.data.Dataset data, int epoch)
    {
        _start = epoch;
        _train = new DataLoader(data, 32, shuffle: true, seed: 7 + epoch); //! CMP003
    }

    public int Fit(int epochs)
    {
        int n = 0;
        for (int e = _start; e < epochs; e++)
            foreach (var batch in _train) n++;
        return n;
    }
}

public sealed class PrimaryFineTuner(utils.data.Dataset data, int currentEpoch)
{
    private readonly DataLoader _train = new DataLoader(data, 32, shuffle: true, seed: 7 + currentEpoch); //! CMP003

    public int Fit(int epochs)
    {
        int n = 0;
        for (int e = currentEpoch; e < epochs; e++)
            foreach (var batch in _train) n++;
        return n;
    }
}
