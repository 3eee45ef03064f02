// Scenario: A keyword-spotting trainer gives TorchSharp's generic DataLoader<Clip, ClipBatch> a RandomSampler shuffler and calls Epochs.SetEpoch(loader, epoch) at the start of each pass of a do/while epoch loop; this is right (negative).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace KeywordSpotting;

public sealed record Clip(float[] Mfcc, int Frames, long Keyword);
public sealed class ClipBatch(Tensor features, Tensor keywords)
{
    public Tensor Features { get; } = features;
    public Tensor Keywords { get; } = keywords;
}

public sealed class ClipDataset(Clip[] clips) : torch.utils.data.Dataset<Clip>
{
    public override long Count => clips.Length;
    public override Clip GetTensor(long index) => clips[index];
}

public static class KwsTrainer
{
    static ClipBatch Collate(IEnumerable<Clip> clips, Device device)
    {
        var all = clips.ToArray();
        var features = stack(all.Select(c => tensor(c.Mfcc, [c.Frames, 40])).ToArray());
        return new ClipBatch(features.to(device), tensor(all.Select(c => c.Keyword).ToArray()).to(device));
    }

    public static void Train(Clip[] clips, int maxEpochs, Device device)
    {
        var dataset = new ClipDataset(clips);
        using var loader = new DataLoader<Clip, ClipBatch>(dataset, 100, Collate, new RandomSampler(dataset.Count, seed: 11), device);
        var gru = nn.GRU(40, 128, batchFirst: true);
        var classifier = nn.Linear(128, 12);
        var optimizer = optim.Adam(gru.parameters().Concat(classifier.parameters()), lr: 1e-3);

        int epoch = 0;
        double lastLoss;
        do
        {
            Epochs.SetEpoch(loader, epoch);
            lastLoss = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var (output, _) = gru.forward(batch.Features);
                var logits = classifier.forward(output[.., -1, ..]);
                var loss = nn.functional.cross_entropy(logits, batch.Keywords);
                loss.backward();
                optimizer.step();
                lastLoss = loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: last loss {lastLoss:F4}");
            epoch++;
        } while (epoch < maxEpochs && lastLoss > 0.01);
    }
}
