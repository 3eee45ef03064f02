// Scenario: a semi-supervised pipeline whose producer zips the labelled and unlabelled loaders into a channel each epoch; it sets the labelled loader's epoch but forgets the shuffling unlabelled one — wrong (CMP002 on the unlabelled argument).
using System.Threading.Channels;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Margie.Vision.SemiSupervised;

public sealed record PairedBatch(Dictionary<string, Tensor> Labelled, Dictionary<string, Tensor> Unlabelled);

public sealed class PseudoLabelPipeline : IDisposable
{
    private readonly EpochDataLoader _labelled;
    private readonly EpochDataLoader _unlabelled;
    private readonly Channel<PairedBatch> _channel = Channel.CreateBounded<PairedBatch>(6);

    public PseudoLabelPipeline(InMemoryDataset labelled, InMemoryDataset unlabelled, int seed)
    {
        _labelled = new EpochDataLoader(labelled, batchSize: 32, shuffle: true, seed: seed, disposeBatches: false);
        _unlabelled = new EpochDataLoader(unlabelled, batchSize: 224, shuffle: true, seed: seed + 1, disposeBatches: false);
    }

    public ChannelReader<PairedBatch> Reader => _channel.Reader;

    public Task StartProducer(int epochs, CancellationToken ct) => Task.Run(async () =>
    {
        try
        {
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                _labelled.SetEpoch(epoch);
                foreach (var (l, u) in _labelled.Zip(_unlabelled)) //! CMP002
                    await _channel.Writer.WriteAsync(new PairedBatch(l, u), ct);
            }
            _channel.Writer.Complete();
        }
        catch (Exception ex)
        {
            _channel.Writer.Complete(ex);
        }
    }, ct);

    public static void TrainStep(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, PairedBatch pair, float threshold)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var supervised = nn.functional.cross_entropy(model.call(pair.Labelled["data"]), pair.Labelled["label"]);
        Tensor pseudo, mask;
        using (torch.no_grad())
        {
            var probs = nn.functional.softmax(model.call(pair.Unlabelled["weak"]), 1);
            (var conf, pseudo) = probs.max(1);
            mask = conf.ge(threshold).to_type(ScalarType.Float32);
        }
        var unsup = (nn.functional.cross_entropy(model.call(pair.Unlabelled["strong"]), pseudo, reduction: nn.Reduction.None) * mask).mean();
        (supervised + unsup).backward();
        optimizer.step();
    }

    public void Dispose()
    {
        _labelled.Dispose();
        _unlabelled.Dispose();
    }
}
