// Scenario: a hand-written two-stage pipeline (encoder on cuda:0, head on cuda:1) that splits each batch into micro-batches; the loader draws from a BatchSampler over a RandomSampler, and the loop sets the epoch on that RandomSampler variable — the batch sampler reads it, so this is right; nothing to report.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Nlp;

public sealed class TwoStagePipeline
{
    private readonly Device _first;
    private readonly Device _second;
    private readonly nn.Module<Tensor, Tensor> _encoder;
    private readonly nn.Module<Tensor, Tensor> _head;

    public TwoStagePipeline()
    {
        int gpus = cuda.is_available() ? cuda.device_count() : 0;
        _first = gpus > 0 ? new Device(DeviceType.CUDA, 0) : CPU;
        _second = gpus > 1 ? new Device(DeviceType.CUDA, 1) : _first;
        _encoder = nn.Sequential(nn.Embedding(30000, 256), nn.Linear(256, 512), nn.GELU(), nn.Linear(512, 512), nn.GELU());
        _head = nn.Sequential(nn.Linear(512, 256), nn.GELU(), nn.Linear(256, 4));
        _encoder.to(_first);
        _head.to(_second);
    }

    public void Fit(InMemoryDataset reviews, int epochs, int chunks = 4)
    {
        var order = new RandomSampler(reviews.Count, seed: 404);
        using var loader = new EpochDataLoader(reviews, batchSampler: new BatchSampler(order, 64, dropLast: true), device: _first);
        var optimizer = optim.AdamW(_encoder.parameters().Concat(_head.parameters()), lr: 5e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            order.SetEpoch(epoch);
            double total = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                // Micro-batches: stage 2 works on chunk i while stage 1 can already start chunk i + 1.
                var tokens = batch["tokens"].chunk(chunks);
                var labels = batch["label"].chunk(chunks);
                for (int i = 0; i < tokens.Length; i++)
                {
                    var hidden = _encoder.call(tokens[i]).mean([1]);
                    var logits = _head.call(hidden.to(_second, non_blocking: true));
                    var loss = nn.functional.cross_entropy(logits, labels[i].to(_second)) / tokens.Length;
                    loss.backward();
                    total += loss.item<float>();
                }
                nn.utils.clip_grad_norm_(_encoder.parameters().Concat(_head.parameters()), 1.0);
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch}: loss {total / loader.Count:F4} ({_first} → {_second})");
        }
    }
}
