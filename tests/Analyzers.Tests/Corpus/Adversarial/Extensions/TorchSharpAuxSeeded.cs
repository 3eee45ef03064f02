// Scenario: an auxiliary-task callback and a loader factory using TorchSharp's DataLoader(shuffle: true, seed: …) - wrong, CMP003 twice; the per-epoch factory seeded 7 + epoch is fine.
using Composer.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lab.Blind17.AuxTask;

public sealed class AuxTaskCallback : Callback
{
    private readonly DataLoader _aux;
    private readonly ComposerModel _auxHead;

    public AuxTaskCallback(utils.data.Dataset auxData, ComposerModel auxHead)
    {
        _auxHead = auxHead;
        _aux = new DataLoader(auxData, 32, shuffle: true, seed: 1234); //! CMP003
    }

    public override void EpochEnd(State state, Logger logger)
    {
        double sum = 0;
        int n = 0;
        foreach (var batch in _aux)
        {
            sum += _auxHead.Loss(_auxHead.Forward(batch), batch).item<float>();
            if (++n == 10) break;
        }
        logger.LogMetrics(new Dictionary<string, double> { ["aux/loss"] = sum / Math.Max(1, n) });
    }
}

public static class AuxLoaders
{
    public static DataLoader Make(utils.data.Dataset data, int seed) => new DataLoader(data, 128, shuffle: true, seed: seed); //! CMP003

    public static DataLoader ForEpoch(utils.data.Dataset data, int epoch) => new DataLoader(data, 128, shuffle: true, seed: 7 + epoch);
}
