// Scenario: a base trainer subscribes its own `_train.SetEpoch` in its constructor; the derived fine-tuner declares a second shuffled loader under the same name (`private new readonly EpochDataLoader _train`) and iterates that one, which nothing wires — wrong, CMP002 on the derived iteration; the base loop over the base field is correct
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam18.BaseWiresHiddenField;

public class PretrainTrainer
{
    protected readonly EpochDataLoader _train;
    protected readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 256));
    protected event Action<int>? EpochStarting;

    public PretrainTrainer(InMemoryDataset corpus)
    {
        _train = new EpochDataLoader(corpus, batchSize: 512, shuffle: true, seed: 1);
        EpochStarting += _train.SetEpoch;
    }

    protected void Raise(int epoch) => EpochStarting?.Invoke(epoch);

    public void Pretrain(int epochs)
    {
        using var optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Raise(epoch);
            foreach (var batch in _train)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.mse_loss(_model.forward(batch["data"]), batch["data"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}

public sealed class FineTuner : PretrainTrainer
{
    private new readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _head = nn.Linear(256, 3);

    public FineTuner(InMemoryDataset corpus, InMemoryDataset labelled) : base(corpus)
    {
        _train = new EpochDataLoader(labelled, batchSize: 32, shuffle: true, seed: 2);
    }

    public void FineTune(int epochs)
    {
        using var optimizer = optim.AdamW(_head.parameters(), lr: 5e-5);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Raise(epoch);
            foreach (var batch in _train) //! CMP002
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(_head.forward(_model.forward(batch["data"])), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
