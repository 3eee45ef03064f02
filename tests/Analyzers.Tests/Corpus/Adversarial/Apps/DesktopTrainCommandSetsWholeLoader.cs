// Scenario: a desktop "Train" command fine-tunes a similarity model on Task.Run over an ImageFolder with a P×K ClassBalancedBatchSampler; it sets the whole loader's epoch each epoch (an old loader.Sampler line is still there next to it) — correct, no diagnostic.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ShelfScanner.Desktop;

public sealed class ShelfItemNet : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _features = nn.Sequential(
        nn.Conv2d(3, 16, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding: 1), nn.ReLU(), nn.AdaptiveAvgPool2d(1));
    private readonly Linear _embed = nn.Linear(32, 64);

    public ShelfItemNet() : base(nameof(ShelfItemNet)) => RegisterComponents();

    public override Tensor forward(Tensor images) =>
        nn.functional.normalize(_embed.forward(_features.forward(images).flatten(1)), p: 2, dim: 1);
}

public sealed class TrainCommand
{
    private readonly string _photoRoot;
    private readonly IProgress<(int Epoch, long Batch, long Batches)> _progress;
    private CancellationTokenSource? _cts;

    public TrainCommand(string photoRoot, IProgress<(int Epoch, long Batch, long Batches)> progress)
    {
        _photoRoot = photoRoot;
        _progress = progress;
    }

    public bool IsRunning => _cts is not null;

    public async void Execute()
    {
        if (IsRunning) return;
        _cts = new CancellationTokenSource();
        try
        {
            var model = await Task.Run(() => Fit(epochs: 20, _cts.Token));
            model.save(Path.Combine(_photoRoot, "shelf-items.bin"));
        }
        catch (OperationCanceledException)
        {
            // user pressed Cancel
        }
        finally
        {
            _cts.Dispose();
            _cts = null;
        }
    }

    public void Cancel() => _cts?.Cancel();

    private ShelfItemNet Fit(int epochs, CancellationToken token)
    {
        var augment = new Compose(new Resize(72), new RandomCrop(64), new RandomHorizontalFlip(),
            new Normalize([0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]));
        var photos = new ImageFolder(_photoRoot, augment);
        using var loader = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(photos, ImageFolder.Collate,
            batchSampler: new ClassBalancedBatchSampler(photos.Labels, classesPerBatch: 6, samplesPerClass: 4, seed: 99),
            workers: 2, disposeDataset: true);

        var model = new ShelfItemNet();
        var optimizer = optim.Adam(model.parameters(), lr: 5e-4);
        var triplet = nn.TripletMarginLoss(margin: 0.3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (loader.Sampler is IEpochAware s) s.SetEpoch(epoch);   // from before we had P×K batches
            loader.SetEpoch(epoch);

            long batchIndex = 0;
            foreach (var batch in loader)
            {
                token.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var emb = model.forward(batch["data"]);
                var anchor = emb[TensorIndex.Slice(0, null, 4)];
                var positive = emb[TensorIndex.Slice(1, null, 4)];
                var loss = triplet.forward(anchor, positive, positive.roll(1, 0));
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                _progress.Report((epoch, ++batchIndex, loader.BatchSampler.Count));
            }
        }

        return model;
    }
}
