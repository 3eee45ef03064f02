// Scenario: a token-shard loader ported from PyTorch keeps snake_case sampler/batch_sampler members and its own set_epoch(int) that sets every part; the pre-training loop calls loader.set_epoch(epoch) and reads batches through LINQ query syntax; correct.
using System.Collections;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut2.Blind.PortedShardLoaderSetEpochMethod;

public sealed class ShardedTokenLoader : IEnumerable<Dictionary<string, Tensor>>
{
    public ShardedTokenLoader(InMemoryDataset dataset, int batch_size, int seed)
    {
        this.dataset = dataset;
        sampler = new DistributedSampler(dataset.Count, Dist.WorldSize, Dist.Rank, shuffle: true, seed: seed);
        batch_sampler = new BatchSampler(sampler, batch_size, dropLast: true);
    }

    public InMemoryDataset dataset { get; }
    public DistributedSampler sampler { get; }
    public BatchSampler batch_sampler { get; }

    public void set_epoch(int epoch) => Epochs.SetEpoch(this, epoch);

    public int __len__() => (int)batch_sampler.Count;

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var idx in batch_sampler)
            yield return dataset.GetBatch(idx);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Pretrain
{
    public static void Run(InMemoryDataset corpus, int vocab, int epochs, int seed = 42)
    {
        var loader = new ShardedTokenLoader(corpus, batch_size: 32, seed: seed);
        var model = nn.Sequential(
            ("embed", nn.Embedding(vocab, 128)),
            ("mix", nn.Linear(128, 128)),
            ("act", nn.GELU()),
            ("lm_head", nn.Linear(128, vocab)));
        var optimizer = optim.AdamW(model.parameters(), 6e-4, weight_decay: 0.1);
        long tokensSeen = 0;

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            loader.set_epoch(epoch);
            var inputs = from batch in loader
                         where batch["input_ids"].shape[0] > 0
                         select batch["input_ids"];
            int step = 0;
            foreach (var ids in inputs)
            {
                using var scope = NewDisposeScope();
                var source = ids[.., ..^1];
                var target = ids[.., 1..];
                optimizer.zero_grad();
                var logits = model.call(source);
                var loss = nn.functional.cross_entropy(logits.reshape(-1, vocab), target.reshape(-1));
                loss.backward();
                nn.utils.clip_grad_norm_(model.parameters(), 1.0);
                optimizer.step();
                tokensSeen += target.numel() * Dist.WorldSize;
                if (++step % 100 == 0 && Dist.Rank == 0)
                    Console.WriteLine($"epoch {epoch} step {step}/{loader.__len__()} loss {loss.item<float>():F3} ppl {Math.Exp(loss.item<float>()):F1} tokens {tokensSeen:N0}");
            }
            if (Dist.Rank == 0) model.save($"lm-epoch{epoch}.bin");
        }
    }
}
