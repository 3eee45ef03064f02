// Scenario: an enterprise job reads Shuffle/Seed from an XML-style settings object and builds TorchSharp's DataLoader(shuffle: true, seed: fixed) once, then trains many epochs on it (same order every epoch) — wrong (CMP003); its eval loader with shuffle: false and the same seed is fine.
#nullable disable
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Xml.Linq;
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Legacy.SettingsSeeded
{
    /// <summary>Reads &lt;add key="..." value="..."/&gt; entries, app.config style.</summary>
    public class SettingsSeededConfig
    {
        private readonly Dictionary<string, string> m_values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public SettingsSeededConfig(string strXml)
        {
            XDocument doc = XDocument.Parse(strXml);
            foreach (XElement add in doc.Descendants("add"))
            {
                XAttribute key = add.Attribute("key");
                XAttribute value = add.Attribute("value");
                if (key != null && value != null) m_values[key.Value] = value.Value;
            }
        }

        public int GetInt(string strKey, int nDefault)
        {
            string s;
            return m_values.TryGetValue(strKey, out s) ? int.Parse(s, CultureInfo.InvariantCulture) : nDefault;
        }

        public bool GetBool(string strKey, bool bDefault)
        {
            string s;
            return m_values.TryGetValue(strKey, out s) ? bool.Parse(s) : bDefault;
        }
    }

    public class SettingsSeededJob
    {
        private readonly SettingsSeededConfig m_config;
        private DataLoader m_trainLoader;
        private DataLoader m_evalLoader;
        private InMemoryDataset m_trainSet;
        private InMemoryDataset m_evalSet;

        public SettingsSeededJob(SettingsSeededConfig config)
        {
            m_config = config;
        }

        private static InMemoryDataset CreateSet(int n)
        {
            Dictionary<string, Tensor> cols = new Dictionary<string, Tensor>();
            cols["data"] = torch.randn(n, 24);
            cols["label"] = torch.randint(0, 4, new long[] { n }, dtype: ScalarType.Int64);
            return new InMemoryDataset(cols);
        }

        public void Prepare()
        {
            int nBatchSize = m_config.GetInt("BatchSize", 32);
            int nSeed = m_config.GetInt("Seed", 42);   // "for reproducibility" (ticket #4411)

            m_trainSet = CreateSet(2048);
            m_evalSet = CreateSet(512);

            m_trainLoader = new DataLoader(m_trainSet, nBatchSize, shuffle: true, device: CPU, seed: nSeed, disposeDataset: false); //! CMP003
            m_evalLoader = new DataLoader(m_evalSet, 256, shuffle: false, device: CPU, seed: nSeed, disposeDataset: false);
        }

        public void Run()
        {
            int nMaxEpochs = m_config.GetInt("MaxEpochs", 15);
            Sequential model = nn.Sequential(nn.Linear(24, 48), nn.ReLU(), nn.Linear(48, 4));
            optim.Optimizer optimizer = optim.Adam(model.parameters(), 0.002);

            for (int nEpoch = 1; nEpoch <= nMaxEpochs; nEpoch++)
            {
                model.train();
                foreach (Dictionary<string, Tensor> batch in m_trainLoader)
                {
                    using (DisposeScope scope = torch.NewDisposeScope())
                    {
                        optimizer.zero_grad();
                        Tensor loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                        loss.backward();
                        optimizer.step();
                    }
                }

                model.eval();
                long nHits = 0;
                using (IDisposable ng = torch.no_grad())
                {
                    foreach (Dictionary<string, Tensor> batch in m_evalLoader)
                    {
                        using (DisposeScope scope = torch.NewDisposeScope())
                        {
                            nHits += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
                        }
                    }
                }
                Console.WriteLine("Epoch {0}: accuracy {1:F3}", nEpoch, nHits / (double)m_evalSet.Count);
            }
        }
    }

    internal static class SettingsSeededProgram
    {
        private static void Main(string[] args)
        {
            string strXml = "<appSettings><add key=\"Seed\" value=\"7\"/><add key=\"MaxEpochs\" value=\"10\"/></appSettings>";
            SettingsSeededJob job = new SettingsSeededJob(new SettingsSeededConfig(strXml));
            job.Prepare();
            job.Run();
        }
    }
}
