// Scenario: the torch.utils.data.DataLoader factory and a generic DataLoader<T,S> both take our epoch-aware samplers as shufflers; one goes through Epochs.SetEpoch, the other's sampler variable gets the epoch: correct.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharpOnly.Generic;

public sealed class TokenDataset(long[][] sequences) : torch.utils.data.Dataset<long[]>
{
    public override long Count => sequences.Length;
    public override long[] GetTensor(long index) => sequences[index];
}

public static class LanguageModelTraining
{
    static Tensor Collate(IEnumerable<long[]> rows, Device device)
    {
        var list = rows.ToList();
        int width = list.Max(r => r.Length);
        var padded = list.Select(r => r.Concat(Enumerable.Repeat(0L, width - r.Length)).ToArray()).ToArray();
        return torch.tensor(padded.SelectMany(r => r).ToArray(), new long[] { padded.Length, width }).to(device);
    }

    public static void Train(InMemoryDataset images, long[][] sentences, int epochs)
    {
        using var vision = torch.utils.data.DataLoader(images, 64, new DistributedSampler(images.Count, seed: 4), disposeDataset: false);
        var textOrder = new RandomSampler(sentences.Length, seed: 4);
        using var text = new DataLoader<long[], Tensor>(new TokenDataset(sentences), 16, Collate, textOrder);

        var embed = nn.Embedding(1000, 32);
        var optimizer = optim.Adam(embed.parameters());
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(vision, epoch);
            textOrder.SetEpoch(epoch);

            foreach (var tokens in text)
            {
                using var scope = NewDisposeScope();
                var loss = embed.forward(tokens).pow(2).mean();
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            foreach (var batch in vision)
                Console.Write(batch["label"].shape[0] > 0 ? "." : "");
            Console.WriteLine();
        }
    }
}
