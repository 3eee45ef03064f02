// Scenario: a data module exposes `TrainLoader => _train ??= new EpochDataLoader(..., shuffle: true)` (lazy init); the fit loop iterates TrainLoader every epoch without setting its epoch (bug: CMP002).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp002LazyPropertyNullCoalescingAssignment;

public sealed class MnistDataModule(InMemoryDataset trainSet, InMemoryDataset valSet)
{
    private EpochDataLoader? _train;
    private EpochDataLoader? _val;

    public EpochDataLoader TrainLoader => _train ??= new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, seed: 42);
    public EpochDataLoader ValLoader => _val ??= new EpochDataLoader(valSet, batchSize: 512);

    public void Fit(nn.Module<Tensor, Tensor> model, int epochs)
    {
        var opt = optim.Adam(model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            foreach (var batch in TrainLoader) //! CMP002
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }
            model.eval();
            using var _ = no_grad();
            foreach (var batch in ValLoader)
                Console.WriteLine(model.call(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>());
        }
    }
}
