// Scenario: resume code whose local factory's parameter `epoch` shadows the method's `epoch` (the resume epoch);
// the loop passes the method's `epoch`, not its own counter, so every pass builds the loader with the same seed:
// flagged (a local function is judged at its calls, and that value does not change across the loop). A sibling
// method passes the counter: not flagged.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam16.LocalFunctionShadowsEpochParameter;

public static class Resume
{
    public static int Fit(utils.data.Dataset data, int epoch, int epochs)
    {
        DataLoader Make(int epoch) => new DataLoader(data, 64, shuffle: true, seed: 7 + epoch); //! CMP003
        int n = 0;
        for (int e = epoch; e < epochs; e++)
        {
            using var loader = Make(epoch);
            n += loader.Count();
        }
        return n;
    }

    public static int FitRight(utils.data.Dataset data, int epoch, int epochs)
    {
        DataLoader Make(int epoch) => new DataLoader(data, 64, shuffle: true, seed: 7 + epoch);
        int n = 0;
        for (int e = epoch; e < epochs; e++)
        {
            using var loader = Make(e);
            n += loader.Count();
        }
        return n;
    }
}
