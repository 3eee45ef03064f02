// Scenario: a resumable trainer rebuilds its TorchSharp loader every epoch with `seed: BaseSeed + _history.Count`, where `_history` is a `Dictionary<int, double>` of losses restored from a history file and grown by `_history[epoch] = mean` at the end of each pass, so that a resumed run continues the seed sequence. Right: the dictionary gains one entry per pass, so the seed changes every epoch. CMP003 page: a `Count` is fixed "unless the loop adds to or removes from that collection (`history.Add(…)`, `Enqueue`, `Push`, `Remove…`, `Clear`: its `Count` changes)"; a new key written through the indexer adds to it, and the page lists "A loader built inside a loop with a seed that changes across that loop" as not flagged. No diagnostic.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam27.IndexerHistory;

public sealed class ResumableTorchTrainer
{
    private const int BaseSeed = 1000;
    private readonly Dictionary<int, double> _history;
    private readonly string _historyPath;
    private readonly torch.utils.data.Dataset _train;

    public ResumableTorchTrainer(torch.utils.data.Dataset train, string historyPath)
    {
        _train = train;
        _historyPath = historyPath;
        _history = new Dictionary<int, double>();
        if (!File.Exists(historyPath)) return;
        foreach (var line in File.ReadLines(historyPath))
        {
            var parts = line.Split(',');
            _history[int.Parse(parts[0])] = double.Parse(parts[1]);
        }
    }

    public void Fit(nn.Module<Tensor, Tensor> model, int epochs)
    {
        var optimizer = optim.Adam(model.parameters(), lr: 5e-4);
        for (int epoch = _history.Count; epoch < epochs; epoch++)
        {
            using var loader = new DataLoader(_train, 64, shuffle: true, seed: BaseSeed + _history.Count, disposeDataset: false);
            model.train();
            double sum = 0;
            long steps = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                steps++;
            }
            double mean = sum / Math.Max(1, steps);
            _history[epoch] = mean;
            File.AppendAllText(_historyPath, $"{epoch},{mean}{Environment.NewLine}");
        }
    }
}
