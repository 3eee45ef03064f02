// Scenario: a data-parallel LM pretraining run reads windows from a memory-mapped token file, gives each rank its share through a BatchSampler over a DistributedSampler, and reshuffles each epoch through _loader.Sampler only — wrong: the loader draws from the batch sampler, which never hears the epoch (CMP001).
using System.IO.MemoryMappedFiles;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Lm.Pretrain;

/// <summary>Windows of ContextLength + 1 tokens (uint16) from a flat token file; mapped, never read whole.</summary>
public sealed class TokenWindows : torch.utils.data.Dataset
{
    public const int ContextLength = 128;
    readonly MemoryMappedFile _file;
    readonly MemoryMappedViewAccessor _view;
    readonly long _tokens;

    public TokenWindows(string path)
    {
        _tokens = new FileInfo(path).Length / sizeof(ushort);
        _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        _view = _file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
    }

    public override long Count => (_tokens - 1) / ContextLength;

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        var buffer = new ushort[ContextLength + 1];
        _view.ReadArray(index * ContextLength * sizeof(ushort), buffer, 0, buffer.Length);
        var ids = buffer.Select(t => (long)t).ToArray();
        return new()
        {
            ["data"] = torch.tensor(ids[..^1]),
            ["label"] = torch.tensor(ids[1..]),
        };
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) { _view.Dispose(); _file.Dispose(); }
        base.Dispose(disposing);
    }
}

public sealed class PretrainRun : IDisposable
{
    readonly TokenWindows _windows;
    readonly EpochDataLoader _loader;
    readonly nn.Module<Tensor, Tensor> _model;
    readonly optim.Optimizer _optimizer;

    public PretrainRun(string tokenFile, int vocab)
    {
        _windows = new TokenWindows(tokenFile);
        // every rank walks its own slice of the windows; drop the ragged tail so ranks stay in lockstep
        var shard = new DistributedSampler(_windows.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 1337);
        _loader = new EpochDataLoader(_windows, batchSampler: new BatchSampler(shard, 16, dropLast: true), workers: 2);
        _model = nn.Sequential(
            ("embed", nn.Embedding(vocab, 256)),
            ("mix", nn.Linear(256, 256)),
            ("act", nn.GELU()),
            ("head", nn.Linear(256, vocab)));
        _optimizer = optim.AdamW(_model.parameters(), lr: 3e-4, weight_decay: 0.1);
    }

    public void Train(int epochs)
    {
        using var reducer = new GradientAllReducer(_model);
        reducer.BroadcastParameters();
        _model.train();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            // new shard order for this epoch (same as sampler.set_epoch in the PyTorch version)
            (_loader.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001

            double total = 0;
            long steps = 0;
            foreach (var batch in _loader)
            {
                using var scope = torch.NewDisposeScope();
                var logits = _model.call(batch["data"]);
                var loss = nn.functional.cross_entropy(logits.view(-1, logits.shape[^1]), batch["label"].view(-1));
                _optimizer.zero_grad();
                loss.backward();
                reducer.AverageGradients();
                _optimizer.step();
                total += loss.item<float>();
                steps++;
            }

            if (Dist.Rank == 0)
                Console.WriteLine($"epoch {epoch}: loss {total / Math.Max(steps, 1):F4} over {steps} steps");
        }
    }

    public void Dispose()
    {
        _loader.Dispose();
        _windows.Dispose();
        _model.Dispose();
    }
}
