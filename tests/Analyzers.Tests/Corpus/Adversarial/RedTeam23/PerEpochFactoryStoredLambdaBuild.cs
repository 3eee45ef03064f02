// Scenario: a per-epoch factory `ForEpoch(main, aux, epoch)` (an ordinary static method, called once per epoch by training code in another file) builds both TorchSharp loaders through a stored lambda, `build = (set, seed) => new DataLoader(set, 64, shuffle: true, seed: seed)`, called as `build(main, BaseSeed + epoch)` and `build(aux, BaseSeed + 7919 + epoch)`. CMP003: "A local function or lambda is judged at its calls instead: … a local function `Build(set, seed)` of such a factory is not [flagged] when every call passes a seed that reads the epoch" — both calls do. Correct: no finding.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam23.PerEpochFactoryStoredLambdaBuild;

public static class Loaders
{
    const int BaseSeed = 1234;

    /// <summary>The loaders for one epoch: each reshuffles from the epoch, the auxiliary one apart from the main one.</summary>
    public static (DataLoader Main, DataLoader Aux) ForEpoch(torch.utils.data.Dataset main, torch.utils.data.Dataset aux, int epoch)
    {
        Func<torch.utils.data.Dataset, int, DataLoader> build = (set, seed) => new DataLoader(set, 64, shuffle: true, seed: seed);
        return (build(main, BaseSeed + epoch), build(aux, BaseSeed + 7919 + epoch));
    }
}
