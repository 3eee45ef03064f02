// Scenario: a Lightning-style trainer gets a class-balanced batch-sampler loader from DataModule.TrainDataLoader() and calls loader.SetEpoch(epoch) on the whole loader every epoch; the optional validation loader is sequential (correct).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PortedLightning.Correct;

public abstract class LightningDataModule
{
    public abstract EpochDataLoader TrainDataLoader();
    public virtual EpochDataLoader? ValDataLoader() => null;
}

public sealed class PkDataModule(InMemoryDataset train, InMemoryDataset? val) : LightningDataModule
{
    public override EpochDataLoader TrainDataLoader()
    {
        var labels = train.Columns["label"].data<long>().ToArray();
        return new EpochDataLoader(train, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 6, samplesPerClass: 5, seed: 7));
    }

    public override EpochDataLoader? ValDataLoader() => val is null ? null : new EpochDataLoader(val, batchSize: 256);
}

public sealed class Trainer(int maxEpochs)
{
    public event Action<int>? TrainEpochStarted;

    public void Fit(Sequential model, LightningDataModule dm)
    {
        var optimizer = optim.Adam(model.parameters(), lr: 5e-4);
        var loader = dm.TrainDataLoader();
        var val = dm.ValDataLoader();
        for (int epoch = 0; epoch < maxEpochs; epoch++)
        {
            loader.SetEpoch(epoch);
            TrainEpochStarted?.Invoke(epoch);
            model.train();
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }

            if (val is not null)
            {
                model.eval();
                using var _ = torch.no_grad();
                long correct = 0, seen = 0;
                foreach (var batch in val)
                {
                    correct += model.call(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
                    seen += batch["label"].shape[0];
                }
                Console.WriteLine($"epoch {epoch}: val acc {(double)correct / seen:P2}");
            }
        }
    }
}
