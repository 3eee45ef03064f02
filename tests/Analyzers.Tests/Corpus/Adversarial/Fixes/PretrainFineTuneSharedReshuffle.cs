// Scenario: pre-training and fine-tuning share a local function that reshuffles through `loader.Sampler`; pre-training also calls `loader.SetEpoch`, fine-tuning does not: wrong in the fine-tuning loop (its pass never reaches the batch sampler) - CMP001 on the call in the local function. Relabelled 2026-12-06 when a local function became judged in every epoch loop that calls it (was a documented limit: judged in the first only).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.PretrainFineTuneSharedReshuffle;

public static class TwoStageTraining
{
    public static void Run(EpochDataLoader loader, nn.Module<Tensor, Tensor> model, int pretrainEpochs, int fineTuneEpochs)
    {
        void Reshuffle(int epoch)
        {
            if (loader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch); //! CMP001
        }

        void Step(Dictionary<string, Tensor> batch, optim.Optimizer optimizer)
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }

        var pretrain = optim.Adam(model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < pretrainEpochs; epoch++)
        {
            Reshuffle(epoch);
            loader.SetEpoch(epoch);
            foreach (var batch in loader) Step(batch, pretrain);
        }

        var fineTune = optim.SGD(model.parameters(), learningRate: 1e-4);
        for (int epoch = 0; epoch < fineTuneEpochs; epoch++)
        {
            Reshuffle(pretrainEpochs + epoch);
            foreach (var batch in loader) Step(batch, fineTune);
        }
    }

    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(300, 10), ["label"] = randint(0, 3, 300) });
        var shard = new DistributedSampler(data.Count, numReplicas: 1, rank: 0, seed: 21);
        using var loader = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 30));
        Run(loader, nn.Linear(10, 3), pretrainEpochs: 3, fineTuneEpochs: 2);
    }
}
