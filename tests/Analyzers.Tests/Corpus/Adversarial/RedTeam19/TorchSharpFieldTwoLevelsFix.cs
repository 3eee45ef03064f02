// Scenario: a trainer builds a TorchSharp DataLoader(shuffle: true, seed: options seed) in its constructor and iterates the field two helpers down: Fit's braceless `for (...) RunEpoch();` calls RunEpoch(), which calls TrainOn(_train), which runs the batches. CMP003 on the creation ("shuffle is written and is not the constant false", "seed is written and is not the constant null", outside every loop). Its fix swaps in a RandomSampler and, since the field is iterated in Fit's epoch loop through the helpers ("A method in view that the epoch loop calls and that iterates the loader counts as an iteration there"), inserts `Epochs.SetEpoch(_train, epoch);` before `RunEpoch();`, in braces. No CMP002: TorchSharp's DataLoader(shuffle: true) is not epoch-dependent.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam19.TorchSharpFieldTwoLevelsFix;

public sealed record TrainOptions(int BatchSize, int Seed, int Epochs);

public sealed class TorchTrainer
{
    private readonly DataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly TrainOptions _options;

    public TorchTrainer(torch.utils.data.Dataset data, TrainOptions options)
    {
        _options = options;
        _train = new DataLoader(data, options.BatchSize, shuffle: true, seed: options.Seed); //! CMP003
        _model = nn.Sequential(("fc", nn.Linear(5, 2)));
        _optimizer = optim.SGD(_model.parameters(), 0.05);
    }

    public void Fit()
    {
        for (int epoch = 0; epoch < _options.Epochs; epoch++)
            RunEpoch();
    }

    private void RunEpoch()
    {
        _model.train();
        var loss = TrainOn(_train);
        Console.WriteLine($"loss {loss:F4}");
    }

    private double TrainOn(DataLoader loader)
    {
        double sum = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            _optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]);
            loss.backward();
            _optimizer.step();
            sum += loss.item<float>();
        }
        return sum;
    }
}

public static class Program
{
    public static void Main()
    {
        var data = new Composer.Data.InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(500, 5), ["y"] = randint(0, 2, new long[] { 500 }) });
        new TorchTrainer(data, new TrainOptions(BatchSize: 25, Seed: 99, Epochs: 3)).Fit();
    }
}
