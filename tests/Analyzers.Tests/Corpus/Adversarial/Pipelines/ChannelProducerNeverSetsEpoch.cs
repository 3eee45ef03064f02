// Scenario: a Channel-based pipeline whose producer task iterates a shuffling EpochDataLoader once per epoch and never sets its epoch, so every epoch replays epoch 0's order — wrong (CMP002).
using System.Threading.Channels;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Training.Pipelines;

public sealed class ChannelTrainingPipeline
{
    private readonly EpochDataLoader _loader;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly int _epochs;

    public ChannelTrainingPipeline(InMemoryDataset data, int epochs)
    {
        _loader = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 1234, disposeBatches: false);
        _model = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 4));
        _optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
        _epochs = epochs;
    }

    public async Task RunAsync(CancellationToken ct)
    {
        var channel = Channel.CreateBounded<Dictionary<string, Tensor>>(new BoundedChannelOptions(8)
        {
            SingleWriter = true,
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        Task producer = ProduceAsync(channel.Writer, ct);
        Task consumer = ConsumeAsync(channel.Reader, ct);
        await Task.WhenAll(producer, consumer);
    }

    private async Task ProduceAsync(ChannelWriter<Dictionary<string, Tensor>> writer, CancellationToken ct)
    {
        try
        {
            for (int epoch = 0; epoch < _epochs; epoch++)
            {
                foreach (var batch in _loader) //! CMP002
                {
                    await writer.WriteAsync(batch, ct);
                }
            }
        }
        finally
        {
            writer.Complete();
        }
    }

    private async Task ConsumeAsync(ChannelReader<Dictionary<string, Tensor>> reader, CancellationToken ct)
    {
        var lossFn = nn.CrossEntropyLoss();
        long step = 0;
        await foreach (var batch in reader.ReadAllAsync(ct))
        {
            using var scope = torch.NewDisposeScope();
            _optimizer.zero_grad();
            var loss = lossFn.call(_model.call(batch["data"]), batch["label"]);
            loss.backward();
            _optimizer.step();
            foreach (var t in batch.Values) t.Dispose();
            if (++step % 100 == 0)
                Console.WriteLine($"step {step}: loss {loss.item<float>():F4}");
        }
    }
}
