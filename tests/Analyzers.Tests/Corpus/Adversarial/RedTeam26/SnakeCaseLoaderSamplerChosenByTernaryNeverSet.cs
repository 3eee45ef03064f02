// Scenario: a snake_case port of torch.utils.data.DataLoader (fields dataset/sampler, no batch sampler) built positionally with `ISampler order = distributed ? new DistributedSampler(…) : new RandomSampler(…)`; the epoch loop never sets its epoch. The pages: for a loader of yours, an argument "of the runtime's ISampler/IBatchSampler (an ISampler order chosen by ?:: its values decide)" makes it epoch-dependent, so the iteration is CMP002.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RT26.SnakeCase;

public sealed class data_loader : IEnumerable<Dictionary<string, Tensor>>
{
    public readonly InMemoryDataset dataset;
    public readonly ISampler sampler;
    public readonly int batch_size;

    public data_loader(InMemoryDataset dataset, ISampler sampler, int batch_size = 32)
    {
        this.dataset = dataset;
        this.sampler = sampler;
        this.batch_size = batch_size;
    }

    public long __len__() => (sampler.Count + batch_size - 1) / batch_size;

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (long[] chunk in sampler.Chunk(batch_size)) yield return dataset.GetBatch(chunk);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class train_script
{
    public static void main(InMemoryDataset train_set, torch.nn.Module<Tensor, Tensor> model, bool distributed, int world_size, int rank)
    {
        var optimizer = torch.optim.AdamW(model.parameters(), lr: 3e-4);
        ISampler order = distributed
            ? new DistributedSampler(train_set.Count, numReplicas: world_size, rank: rank, seed: 0)
            : new RandomSampler(train_set.Count, seed: 0);
        var train_loader = new data_loader(train_set, order, 128);

        const int num_epochs = 30;
        for (int epoch = 0; epoch < num_epochs; epoch++)
        {
            model.train();
            foreach (var batch in train_loader) //! CMP002
            {
                optimizer.zero_grad();
                var logits = model.forward(batch["image"]);
                using var loss = torch.nn.functional.cross_entropy(logits, batch["label"]);
                loss.backward();
                optimizer.step();
            }
            if (rank == 0) Console.WriteLine($"epoch {epoch} done, {train_loader.__len__()} steps");
        }
    }
}
