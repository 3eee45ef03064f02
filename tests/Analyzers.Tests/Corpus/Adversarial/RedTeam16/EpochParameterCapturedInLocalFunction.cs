// Scenario: RunEpoch(data, epoch) builds its loader through a local function that captures the method's `epoch`.
// Called once: a per-epoch factory (not flagged). Called in a retry loop that does not change `epoch`: still one
// seed per epoch, but by the page the seed is fixed across that loop, so it is flagged.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam16.EpochParameterCapturedInLocalFunction;

public static class Steps
{
    public static int RunEpoch(utils.data.Dataset data, int epoch)
    {
        DataLoader Make() => new DataLoader(data, 64, shuffle: true, seed: 3 + epoch);
        using var loader = Make();
        return loader.Count();
    }

    public static int RunEpochWithRetries(utils.data.Dataset data, int epoch)
    {
        DataLoader Make() => new DataLoader(data, 64, shuffle: true, seed: 3 + epoch); //! CMP003
        for (int attempt = 0; attempt < 3; attempt++)
        {
            using var loader = Make();
            int n = loader.Count();
            if (n > 0) return n;
        }
        return 0;
    }
}
