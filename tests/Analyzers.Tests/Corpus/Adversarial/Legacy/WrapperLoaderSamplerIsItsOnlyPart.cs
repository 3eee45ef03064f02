// Scenario: a hand-written wrapper adapts TorchSharp's DataLoader to the old "Sampler" API (a RandomSampler shuffler exposed as Sampler, no batch sampler); the epoch loop sets m_wrapper.Sampler's epoch, which is all the wrapper's order depends on — right (no diagnostic).
#nullable disable
using System;
using System.Collections;
using System.Collections.Generic;
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Legacy.WrapperLoader
{
    /// <summary>
    /// Adapter kept so that the reporting code, which reads loader.Sampler, did not need to change
    /// when we moved off TorchSharp's built-in shuffle.
    /// </summary>
    public sealed class WrapperShuffledLoader : IEnumerable<Dictionary<string, Tensor>>, IDisposable
    {
        private readonly RandomSampler m_sampler;
        private readonly DataLoader m_inner;

        public WrapperShuffledLoader(torch.utils.data.Dataset dataset, int nBatchSize, int nSeed)
        {
            m_sampler = new RandomSampler(dataset.Count, seed: nSeed);
            m_inner = new DataLoader(dataset, nBatchSize, m_sampler, device: null, num_worker: 1, drop_last: false, disposeBatch: true, disposeDataset: false);
        }

        public RandomSampler Sampler
        {
            get { return m_sampler; }
        }

        public long Count
        {
            get { return m_inner.Count; }
        }

        public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
        {
            return m_inner.GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return GetEnumerator();
        }

        public void Dispose()
        {
            m_inner.Dispose();
        }
    }

    public class WrapperLoaderTrainer
    {
        private readonly WrapperShuffledLoader m_wrapper;
        private readonly Sequential m_model;
        private readonly optim.Optimizer m_opt;

        public WrapperLoaderTrainer(torch.utils.data.Dataset dataset)
        {
            m_wrapper = new WrapperShuffledLoader(dataset, 40, 2718);
            m_model = nn.Sequential(nn.Linear(9, 18), nn.ReLU(), nn.Linear(18, 3));
            m_opt = optim.Adam(m_model.parameters(), 0.001);
        }

        public void Train(int nMaxEpochs)
        {
            int nEpoch = 0;
            while (nEpoch < nMaxEpochs)
            {
                m_wrapper.Sampler.SetEpoch(nEpoch);
                // Epochs.SetEpoch(m_wrapper, nEpoch);   // equivalent; left as it was for the reporting code

                double dLoss = 0.0;
                foreach (Dictionary<string, Tensor> batch in m_wrapper)
                {
                    using (DisposeScope scope = torch.NewDisposeScope())
                    {
                        m_opt.zero_grad();
                        Tensor loss = nn.functional.cross_entropy(m_model.forward(batch["data"]), batch["label"]);
                        loss.backward();
                        m_opt.step();
                        dLoss += loss.item<float>();
                    }
                }
                Console.WriteLine("epoch {0}: loss {1:F4} over {2} batches", nEpoch, dLoss / Math.Max(1L, m_wrapper.Count), m_wrapper.Count);
                nEpoch = nEpoch + 1;
            }
        }
    }

    internal static class WrapperLoaderProgram
    {
        private static void Main(string[] args)
        {
            Dictionary<string, Tensor> cols = new Dictionary<string, Tensor>();
            cols["data"] = torch.randn(1200, 9);
            cols["label"] = torch.randint(0, 3, new long[] { 1200 }, dtype: ScalarType.Int64);
            WrapperLoaderTrainer trainer = new WrapperLoaderTrainer(new InMemoryDataset(cols));
            trainer.Train(7);
        }
    }
}
