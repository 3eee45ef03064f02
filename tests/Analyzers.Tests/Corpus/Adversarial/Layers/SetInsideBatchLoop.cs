// Scenario: the P×K batch sampler's epoch is set by a local function OnFirstBatch called inside the train batch loop (one epoch late); the aux loader's epoch is set by a helper method Advance called inside its own batch loop, which the docs do not judge — wrong, CMP005 at the setter in OnFirstBatch only
using Composer.Data;
using static TorchSharp.torch;

namespace Blind20.SetInsideBatchLoop;

public static class LateReshuffle
{
    public static void Fit(InMemoryDataset data, IReadOnlyList<long> labels, InMemoryDataset unlabeled,
        nn.Module<Tensor, Tensor> model, int epochs)
    {
        var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 16, samplesPerClass: 4, seed: 9);
        using var train = new EpochDataLoader(data, batchSampler: pk);
        using var aux = new EpochDataLoader(unlabeled, batchSize: 128, shuffle: true, seed: 10);
        var optimizer = optim.Adam(model.parameters(), lr: 3e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            long step = 0;
            foreach (var batch in train)
            {
                if (step == 0) OnFirstBatch(epoch);
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = model.forward(batch["data"]).pow(2).mean();
                loss.backward();
                optimizer.step();
                step++;
            }

            bool first = true;
            foreach (var batch in aux)
            {
                if (first) { Advance(aux, epoch); first = false; }
                using var scope = NewDisposeScope();
                var consistency = model.forward(batch["data"]).var();
                Console.WriteLine($"aux consistency {consistency.item<float>():F4}");
            }
        }

        void OnFirstBatch(int e)
        {
            Console.WriteLine($"epoch {e} started");
            pk.SetEpoch(e); //! CMP005
        }
    }

    private static void Advance(EpochDataLoader loader, int epoch) => loader.SetEpoch(epoch);
}
