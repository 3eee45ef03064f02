// Scenario: a data-pipeline owner with the full IDisposable pattern (finalizer, Dispose(bool)) keeps the BatchSampler it built the loader from in m_batchSampler and calls m_batchSampler.SetEpoch(nEpoch) each epoch; the BatchSampler forwards the epoch to its DistributedSampler — right (no diagnostic).
#nullable disable
using System;
using System.Collections.Generic;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Legacy.DisposableOwner
{
    public class DisposableOwnerPipeline : IDisposable
    {
        private InMemoryDataset m_dataset;
        private DistributedSampler m_shard;
        private BatchSampler m_batchSampler;
        private EpochDataLoader m_loader;
        private bool m_bDisposed;

        public DisposableOwnerPipeline(int nSamples, int nBatchSize, int nSeed)
        {
            Dictionary<string, Tensor> cols = new Dictionary<string, Tensor>();
            cols["data"] = torch.randn(nSamples, 10);
            cols["label"] = torch.randint(0, 2, new long[] { nSamples }, dtype: ScalarType.Int64);
            m_dataset = new InMemoryDataset(cols);

            m_shard = new DistributedSampler(m_dataset.Count, Dist.WorldSize, Dist.Rank, shuffle: true, seed: nSeed);
            m_batchSampler = new BatchSampler(m_shard, nBatchSize, dropLast: true);
            m_loader = new EpochDataLoader(m_dataset, batchSampler: m_batchSampler, disposeDataset: true);
        }

        ~DisposableOwnerPipeline()
        {
            Dispose(false);
        }

        public long BatchesPerEpoch
        {
            get { ThrowIfDisposed(); return m_batchSampler.Count; }
        }

        public void Train(TorchSharp.Modules.Sequential model, optim.Optimizer optimizer, int nEpochs)
        {
            ThrowIfDisposed();
            for (int nEpoch = 0; nEpoch < nEpochs; nEpoch++)
            {
                m_batchSampler.SetEpoch(nEpoch);

                foreach (Dictionary<string, Tensor> batch in m_loader)
                {
                    using (DisposeScope scope = torch.NewDisposeScope())
                    {
                        optimizer.zero_grad();
                        Tensor loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                        loss.backward();
                        optimizer.step();
                    }
                }
            }
        }

        private void ThrowIfDisposed()
        {
            if (m_bDisposed) throw new ObjectDisposedException(GetType().Name);
        }

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool bDisposing)
        {
            if (m_bDisposed) return;
            if (bDisposing)
            {
                if (m_loader != null)
                {
                    m_loader.Dispose();
                    m_loader = null;
                }
                m_batchSampler = null;
                m_shard = null;
                m_dataset = null;
            }
            m_bDisposed = true;
        }
    }

    internal static class DisposableOwnerProgram
    {
        private static void Main(string[] args)
        {
            using (DisposableOwnerPipeline pipeline = new DisposableOwnerPipeline(2048, 64, 4))
            {
                TorchSharp.Modules.Sequential model = nn.Sequential(nn.Linear(10, 10), nn.ReLU(), nn.Linear(10, 2));
                optim.Optimizer opt = optim.SGD(model.parameters(), 0.02);
                Console.WriteLine("{0} batches per epoch", pipeline.BatchesPerEpoch);
                pipeline.Train(model, opt, 5);
            }
        }
    }
}
