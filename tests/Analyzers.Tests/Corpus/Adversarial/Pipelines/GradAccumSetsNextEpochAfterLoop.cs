// Scenario: gradient-accumulation training that sets the start epoch once before the loop and, at the end of each epoch, sets the next one (epoch + 1) for the following pass — right, every epoch is told its own number before it is iterated.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Contoso.Vision.Finetune;

public sealed class AccumulatingFinetuner(nn.Module<Tensor, Tensor> model, int accumulation)
{
    public IReadOnlyList<double> Fit(InMemoryDataset images, int startEpoch, int epochs, CancellationToken ct = default)
    {
        using var loader = new EpochDataLoader(images, batchSize: 24, shuffle: true, seed: 404, workers: 4);
        var optimizer = optim.AdamW(model.parameters(), lr: 2e-5, weight_decay: 0.05);
        var lossFn = nn.CrossEntropyLoss();
        var history = new List<double>();

        loader.SetEpoch(startEpoch);
        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            optimizer.zero_grad();
            int micro = 0;
            double total = 0;

            foreach (var batch in loader)
            {
                ct.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                var loss = lossFn.call(model.call(batch["pixels"]), batch["label"]) / accumulation;
                loss.backward();
                total += loss.item<float>() * accumulation;

                if (++micro % accumulation == 0)
                {
                    nn.utils.clip_grad_norm_(model.parameters(), 1.0);
                    optimizer.step();
                    optimizer.zero_grad();
                }
            }

            if (micro % accumulation != 0)
            {
                optimizer.step();
                optimizer.zero_grad();
            }

            history.Add(total / Math.Max(1, micro));
            loader.SetEpoch(epoch + 1);
        }

        return history;
    }
}
