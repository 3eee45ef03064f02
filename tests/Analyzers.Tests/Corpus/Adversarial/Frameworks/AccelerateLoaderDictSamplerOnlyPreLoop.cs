// Scenario: an Accelerate-style multi-task loop keeps named loaders in a Dictionary and, before iterating them, sets each loader's Sampler epoch in a separate pre-loop; the loaders come from the caller and may use batch samplers (bug).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace PortedAccelerate.MultiTask;

public static class MultiTaskLoop
{
    public static void Train(
        IReadOnlyDictionary<string, EpochDataLoader> loaders,
        IReadOnlyDictionary<string, nn.Module<Tensor, Tensor>> heads,
        nn.Module<Tensor, Tensor> encoder,
        int numEpochs)
    {
        var parameters = encoder.parameters().Concat(heads.Values.SelectMany(h => h.parameters()));
        var optimizer = optim.AdamW(parameters, lr: 3e-4, weight_decay: 0.01);

        for (int epoch = 0; epoch < numEpochs; epoch++)
        {
            foreach (var loader in loaders.Values)
            {
                if (loader.Sampler is IEpochAware sampler)
                    sampler.SetEpoch(epoch); //! CMP001
            }

            var totals = new Dictionary<string, double>();
            foreach (var (task, loader) in loaders)
            {
                var head = heads[task];
                foreach (var batch in loader)
                {
                    optimizer.zero_grad();
                    using var features = encoder.call(batch["data"]);
                    using var loss = nn.functional.cross_entropy(head.call(features), batch["label"]);
                    loss.backward();
                    optimizer.step();
                    totals[task] = totals.GetValueOrDefault(task) + loss.item<float>();
                }
            }

            foreach (var (task, total) in totals)
                Console.WriteLine($"epoch {epoch} {task}: {total:F3}");
        }
    }
}
