// Scenario: an epoch loop drives a P×K loader's enumerator by hand with `while (it.MoveNext())` and calls loader.SetEpoch(epoch) on the first batch, inside the iteration, after the order was already fixed (CMP005).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Faces;

public static class ManualEnumeratorTraining
{
    public static void Run(FashionMnist data, int epochs)
    {
        var labels = data.Columns["label"].data<long>().ToArray();
        var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 6, samplesPerClass: 5, seed: 3,
            numReplicas: Dist.WorldSize, rank: Dist.Rank);
        var loader = new EpochDataLoader(data, batchSampler: pk);
        var model = nn.Sequential(("flat", nn.Flatten()), ("fc", nn.Linear(784, 256)), ("act", nn.PReLU(1)), ("emb", nn.Linear(256, 32)));
        var opt = optim.Adam(model.parameters(), lr: 3e-4);
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            bool first = true;
            using var it = loader.GetEnumerator();
            while (it.MoveNext())
            {
                if (first)
                {
                    loader.SetEpoch(epoch); //! CMP005
                    first = false;
                }
                var batch = it.Current;
                using var scope = NewDisposeScope();
                opt.zero_grad();
                var z = nn.functional.normalize(model.forward(batch["data"]), dim: 1);
                var y = batch["label"];
                var sim = z.matmul(z.t());
                var same = y.unsqueeze(0).eq(y.unsqueeze(1)).to_type(ScalarType.Float32);
                var loss = nn.functional.binary_cross_entropy_with_logits(sim * 10f, same);
                loss.backward();
                reducer.AverageGradients();
                opt.step();
            }
        }
    }
}
