// Scenario: a partial trainer split into three parts in this one file; the loop part calls BeginEpoch(epoch), a private method declared in another part of the same file that sets the shuffling loader's epoch (right).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Structure.PartialTrainerSetsEpochInOtherPart;

public sealed partial class SequenceTrainer
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _eval;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private int _globalStep;

    public SequenceTrainer(InMemoryDataset train, InMemoryDataset eval, nn.Module<Tensor, Tensor> model)
    {
        _model = model;
        _optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);
        _train = new EpochDataLoader(train, batchSize: 64, shuffle: true, seed: 3);
        _eval = new EpochDataLoader(eval, batchSize: 256);
    }
}

public sealed partial class SequenceTrainer
{
    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            BeginEpoch(epoch);
            foreach (var batch in _train)
            {
                _optimizer.zero_grad();
                using var loss = nn.functional.mse_loss(_model.forward(batch["x"]), batch["y"]);
                loss.backward();
                _optimizer.step();
                _globalStep++;
            }
            EndEpoch(epoch);
        }
    }
}

public sealed partial class SequenceTrainer
{
    private void BeginEpoch(int epoch)
    {
        _model.train();
        _train.SetEpoch(epoch);
        Console.WriteLine($"epoch {epoch} starts at step {_globalStep}");
    }

    private void EndEpoch(int epoch)
    {
        _model.eval();
        using var noGrad = torch.no_grad();
        double total = 0;
        foreach (var batch in _eval)
            total += nn.functional.mse_loss(_model.forward(batch["x"]), batch["y"]).item<float>();
        Console.WriteLine($"epoch {epoch}: eval loss {total:F3}");
    }
}
