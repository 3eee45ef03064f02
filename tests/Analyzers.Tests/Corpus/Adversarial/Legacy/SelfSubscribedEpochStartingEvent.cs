// Scenario: an event-driven trainer subscribes its own SyncLoaderEpoch handler to its EpochStarting event in the constructor (new EventHandler<T>(...)); the handler calls m_trainLoader.SetEpoch(e.Epoch) and the loop raises the event before every epoch — right (no diagnostic).
#nullable disable
using System;
using System.Collections.Generic;
using System.Linq;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Legacy.SelfSubscribed
{
    public class SelfSubscribedEpochEventArgs : EventArgs
    {
        private readonly int m_nEpoch;

        public SelfSubscribedEpochEventArgs(int nEpoch)
        {
            m_nEpoch = nEpoch;
        }

        public int Epoch
        {
            get { return m_nEpoch; }
        }
    }

    public class SelfSubscribedTrainer
    {
        public event EventHandler<SelfSubscribedEpochEventArgs> EpochStarting;
        public event EventHandler<SelfSubscribedEpochEventArgs> EpochFinished;

        private readonly EpochDataLoader m_trainLoader;
        private readonly TorchSharp.Modules.Sequential m_embed;
        private readonly optim.Optimizer m_optimizer;

        public SelfSubscribedTrainer(InMemoryDataset data, long[] labels)
        {
            m_trainLoader = new EpochDataLoader(data,
                batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 4, samplesPerClass: 8, seed: 9));
            m_embed = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 16));
            m_optimizer = optim.Adam(m_embed.parameters(), 0.0005);

            // keep the loader's shuffle in step with the epoch (replaces the manual reseed of v1)
            this.EpochStarting += new EventHandler<SelfSubscribedEpochEventArgs>(this.SyncLoaderEpoch);
        }

        private void SyncLoaderEpoch(object sender, SelfSubscribedEpochEventArgs e)
        {
            m_trainLoader.SetEpoch(e.Epoch);
        }

        protected virtual void OnEpochStarting(SelfSubscribedEpochEventArgs e)
        {
            EventHandler<SelfSubscribedEpochEventArgs> handler = EpochStarting;
            if (handler != null) handler(this, e);
        }

        protected virtual void OnEpochFinished(SelfSubscribedEpochEventArgs e)
        {
            EventHandler<SelfSubscribedEpochEventArgs> handler = EpochFinished;
            if (handler != null) handler(this, e);
        }

        public void Fit(int nEpochs)
        {
            for (int nEpoch = 0; nEpoch < nEpochs; nEpoch++)
            {
                OnEpochStarting(new SelfSubscribedEpochEventArgs(nEpoch));

                foreach (Dictionary<string, Tensor> batch in m_trainLoader)
                {
                    using (DisposeScope scope = torch.NewDisposeScope())
                    {
                        m_optimizer.zero_grad();
                        Tensor emb = nn.functional.normalize(m_embed.forward(batch["data"]), 2.0, 1);
                        Tensor labels = batch["label"];
                        Tensor sim = emb.matmul(emb.t());
                        Tensor same = labels.unsqueeze(0).eq(labels.unsqueeze(1)).to_type(ScalarType.Float32);
                        Tensor loss = nn.functional.mse_loss(sim, same);
                        loss.backward();
                        m_optimizer.step();
                    }
                }

                OnEpochFinished(new SelfSubscribedEpochEventArgs(nEpoch));
            }
        }
    }

    internal static class SelfSubscribedProgram
    {
        private static void Main(string[] args)
        {
            long[] labels = Enumerable.Range(0, 960).Select(i => (long)(i % 12)).ToArray();
            Dictionary<string, Tensor> cols = new Dictionary<string, Tensor>();
            cols["data"] = torch.randn(960, 32);
            cols["label"] = torch.tensor(labels);
            SelfSubscribedTrainer trainer = new SelfSubscribedTrainer(new InMemoryDataset(cols), labels);
            trainer.EpochFinished += delegate (object sender, SelfSubscribedEpochEventArgs e)
            {
                Console.WriteLine("epoch {0} finished", e.Epoch);
            };
            trainer.Fit(4);
        }
    }
}
