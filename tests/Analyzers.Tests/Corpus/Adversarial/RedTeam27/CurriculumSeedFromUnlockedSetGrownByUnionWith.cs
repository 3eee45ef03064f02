// Scenario: a curriculum trainer unlocks a band of harder samples every epoch with `unlocked.UnionWith(BandFor(epoch))` and rebuilds its TorchSharp loader over the unlocked rows with `seed: 17 + unlocked.Count`. Right: the set grows on every pass until all rows are unlocked, and the loader is rebuilt each time, so its seed (and its rows) change from epoch to epoch. CMP003 page: a `Count` is fixed "unless the loop adds to or removes from that collection (`history.Add(…)`, `Enqueue`, `Push`, `Remove…`, `Clear`: its `Count` changes)"; `UnionWith` adds to the set, and a loader "built inside a loop with a seed that changes across that loop" is not flagged. No diagnostic.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam27.UnionWithCurriculum;

file sealed class Rows : torch.utils.data.Dataset
{
    private readonly torch.utils.data.Dataset _all;
    private readonly long[] _ids;
    public Rows(torch.utils.data.Dataset all, IEnumerable<long> ids) { _all = all; _ids = ids.ToArray(); }
    public override long Count => _ids.Length;
    public override Dictionary<string, Tensor> GetTensor(long index) => _all.GetTensor(_ids[index]);
}

public sealed class CurriculumTrainer
{
    private readonly torch.utils.data.Dataset _all;
    private readonly float[] _difficulty;

    public CurriculumTrainer(torch.utils.data.Dataset all, float[] difficulty)
    {
        _all = all;
        _difficulty = difficulty;
    }

    private IEnumerable<long> BandFor(int epoch, int epochs)
    {
        float upTo = (epoch + 1f) / epochs;
        for (long i = 0; i < _difficulty.Length; i++)
            if (_difficulty[i] <= upTo) yield return i;
    }

    public void Fit(nn.Module<Tensor, Tensor> model, int epochs)
    {
        var unlocked = new HashSet<long>();
        var optimizer = optim.SGD(model.parameters(), 0.02);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            unlocked.UnionWith(BandFor(epoch, epochs));
            using var rows = new Rows(_all, unlocked);
            using var loader = new DataLoader(rows, 32, shuffle: true, seed: 17 + unlocked.Count, disposeDataset: false);
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch}: {unlocked.Count} of {_difficulty.Length} rows unlocked");
        }
    }
}
