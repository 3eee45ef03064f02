// Scenario: a desktop app's "Train" command runs metric-learning epochs on Task.Run over a P×K ClassBalancedBatchSampler loader, and reshuffles by setting the epoch on loader.Sampler only — wrong, CMP001 (the loader's Sampler is sequential; the batch sampler is never told).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace PhotoSorter.Desktop;

// What the view binds its "Train" button to (a trimmed-down ICommand).
public interface IUiCommand
{
    bool CanExecute();
    void Execute();
    event EventHandler? CanExecuteChanged;
}

public sealed class EmbeddingNet : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _body;

    public EmbeddingNet(int inputs, int dims) : base(nameof(EmbeddingNet))
    {
        _body = nn.Sequential(nn.Linear(inputs, 256), nn.ReLU(), nn.Linear(256, dims));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => nn.functional.normalize(_body.forward(x), p: 2, dim: 1);
}

public sealed class TrainEmbeddingsCommand : IUiCommand
{
    private readonly InMemoryDataset _photos;
    private readonly IProgress<string> _status;
    private readonly int _epochs;
    private Task? _running;
    private CancellationTokenSource? _cts;

    public TrainEmbeddingsCommand(InMemoryDataset photos, IProgress<string> status, int epochs = 30)
    {
        _photos = photos;
        _status = status;
        _epochs = epochs;
    }

    public event EventHandler? CanExecuteChanged;

    public bool CanExecute() => _running is null || _running.IsCompleted;

    public void Execute()
    {
        _cts = new CancellationTokenSource();
        var token = _cts.Token;
        _running = Task.Run(() => TrainLoop(token), token);
        CanExecuteChanged?.Invoke(this, EventArgs.Empty);
        _running.ContinueWith(_ => CanExecuteChanged?.Invoke(this, EventArgs.Empty), TaskScheduler.Default);
    }

    public void Cancel() => _cts?.Cancel();

    private void TrainLoop(CancellationToken token)
    {
        long[] labels = _photos.Columns["label"].data<long>().ToArray();
        var loader = new EpochDataLoader(_photos,
            batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 1234));

        var net = new EmbeddingNet(inputs: 512, dims: 64);
        var optimizer = optim.Adam(net.parameters(), lr: 1e-3);
        var tripletLoss = nn.TripletMarginLoss(margin: 0.2);

        for (int epoch = 0; epoch < _epochs && !token.IsCancellationRequested; epoch++)
        {
            // new P×K draw every epoch
            if (loader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch); //! CMP001

            double sum = 0;
            int n = 0;
            foreach (var batch in loader)
            {
                token.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var emb = net.forward(batch["data"]);
                // batches are K consecutive samples per class: pair each anchor with the next sample and a shifted class
                var anchor = emb[TensorIndex.Slice(0, null, 2)];
                var positive = emb[TensorIndex.Slice(1, null, 2)];
                var negative = positive.roll(4, 0);
                var loss = tripletLoss.forward(anchor, positive, negative);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                n++;
            }

            _status.Report($"Epoch {epoch + 1}/{_epochs}: triplet loss {sum / Math.Max(n, 1):F4}");
        }
    }
}
