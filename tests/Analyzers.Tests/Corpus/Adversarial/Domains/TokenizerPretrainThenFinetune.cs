// Scenario: a domain-specific BPE tokenizer is learned from raw legal text, a small encoder is pre-trained with masked-language modelling (masks redrawn per epoch by the data set from the runtime's per-sample generator, order from a RandomSampler), then fine-tuned for clause classification; both phases set their loader's epoch, the fine-tuning phase continuing the global count as PretrainEpochs + epoch (right, no diagnostic).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int PretrainEpochs = 8;
const int FinetuneEpochs = 4;
const int MaxLen = 128;

string[] corpus = File.ReadAllLines("data/contracts/raw.txt");
var merges = LegalBpe.Learn(corpus, numMerges: 8000);
var vocab = LegalBpe.Vocabulary(corpus, merges);
var encoded = corpus.Select(line => LegalBpe.Encode(line, merges, vocab, MaxLen)).ToArray();

// Phase 1: masked-language-model pre-training.
var mlmData = new LegalMlmDataset(encoded, maskId: vocab["[MASK]"], vocabSize: vocab.Count);
var mlmOrder = new RandomSampler(mlmData.Count, seed: 31);
using var pretrain = new EpochDataLoader(mlmData, batchSize: 64, sampler: mlmOrder, seed: 31);

var embed = nn.Embedding(vocab.Count, 256, padding_idx: 0);
var body = nn.Sequential(nn.Linear(256, 256), nn.GELU(), nn.LayerNorm(256));
var mlmHead = nn.Linear(256, vocab.Count);
var pretrainOptimizer = optim.AdamW(embed.parameters().Concat(body.parameters()).Concat(mlmHead.parameters()), lr: 5e-4);

for (int epoch = 0; epoch < PretrainEpochs; epoch++)
{
    Epochs.SetEpoch(pretrain, epoch);
    foreach (var batch in pretrain)
    {
        using var scope = torch.NewDisposeScope();
        var logits = mlmHead.call(body.call(embed.call(batch["input"])));
        var loss = nn.functional.cross_entropy(logits.reshape(-1, vocab.Count), batch["target"].reshape(-1), ignore_index: -100);
        pretrainOptimizer.zero_grad();
        loss.backward();
        pretrainOptimizer.step();
    }
}

// Phase 2: clause-type fine-tuning on the labelled subset.
var (clauseIds, clauseLabels) = LegalBpe.LoadLabelled("data/contracts/clauses.tsv", merges, vocab, MaxLen);
using var finetune = new EpochDataLoader(
    new InMemoryDataset(new Dictionary<string, Tensor> { ["input"] = clauseIds, ["label"] = clauseLabels }),
    batchSize: 16, shuffle: true, seed: 31);
var clauseHead = nn.Linear(256, 12);
var finetuneOptimizer = optim.AdamW(embed.parameters().Concat(body.parameters()).Concat(clauseHead.parameters()), lr: 2e-5);

foreach (var epoch in Enumerable.Range(0, FinetuneEpochs))
{
    Epochs.SetEpoch(finetune, PretrainEpochs + epoch);
    foreach (var batch in finetune)
    {
        using var scope = torch.NewDisposeScope();
        var pooled = body.call(embed.call(batch["input"])).mean(new long[] { 1 });
        var loss = nn.functional.cross_entropy(clauseHead.call(pooled), batch["label"]);
        finetuneOptimizer.zero_grad();
        loss.backward();
        finetuneOptimizer.step();
    }
}

sealed class LegalMlmDataset : torch.utils.data.Dataset, IRandomizedDataset<Dictionary<string, Tensor>>
{
    private readonly long[][] _ids;
    private readonly long _maskId;
    private readonly int _vocabSize;

    public LegalMlmDataset(long[][] ids, long maskId, int vocabSize) => (_ids, _maskId, _vocabSize) = (ids, maskId, vocabSize);

    public override long Count => _ids.Length;

    public override Dictionary<string, Tensor> GetTensor(long index) => GetSample(index, new SampleRandom(0, 0, index));

    // BERT's 15 % rule: of the chosen tokens 80 % [MASK], 10 % random, 10 % unchanged.
    public Dictionary<string, Tensor> GetSample(long index, SampleRandom random)
    {
        var input = (long[])_ids[index].Clone();
        var target = Enumerable.Repeat(-100L, input.Length).ToArray();
        for (int i = 0; i < input.Length; i++)
        {
            if (input[i] == 0 || !random.NextBoolean(0.15)) continue;
            target[i] = input[i];
            double r = random.NextDouble();
            input[i] = r < 0.8 ? _maskId : r < 0.9 ? random.Next(5, _vocabSize) : input[i];
        }
        return new() { ["input"] = torch.tensor(input), ["target"] = torch.tensor(target) };
    }
}

static class LegalBpe
{
    public static List<(string, string)> Learn(IEnumerable<string> lines, int numMerges)
    {
        var words = lines.SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .GroupBy(w => string.Join(' ', w.Select(c => c.ToString())) + " </w>")
            .ToDictionary(g => g.Key, g => g.Count());
        var merges = new List<(string, string)>();
        for (int m = 0; m < numMerges; m++)
        {
            var pairs = new Dictionary<(string, string), int>();
            foreach (var (word, freq) in words)
            {
                var symbols = word.Split(' ');
                for (int i = 0; i + 1 < symbols.Length; i++)
                    pairs[(symbols[i], symbols[i + 1])] = pairs.GetValueOrDefault((symbols[i], symbols[i + 1])) + freq;
            }
            if (pairs.Count == 0) break;
            var best = pairs.MaxBy(p => p.Value).Key;
            merges.Add(best);
            words = words.ToDictionary(w => w.Key.Replace($"{best.Item1} {best.Item2}", best.Item1 + best.Item2), w => w.Value);
        }
        return merges;
    }

    public static Dictionary<string, long> Vocabulary(IEnumerable<string> lines, List<(string, string)> merges)
    {
        var vocab = new Dictionary<string, long> { ["[PAD]"] = 0, ["[UNK]"] = 1, ["[CLS]"] = 2, ["[SEP]"] = 3, ["[MASK]"] = 4 };
        foreach (var symbol in lines.SelectMany(l => l).Select(c => c.ToString()).Distinct().Concat(merges.Select(m => m.Item1 + m.Item2)))
            vocab.TryAdd(symbol, vocab.Count);
        return vocab;
    }

    public static long[] Encode(string line, List<(string, string)> merges, Dictionary<string, long> vocab, int maxLen)
    {
        var ids = new List<long> { vocab["[CLS]"] };
        foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var symbols = word.Select(c => c.ToString()).ToList();
            foreach (var (a, b) in merges)
                for (int i = 0; i + 1 < symbols.Count; i++)
                    if (symbols[i] == a && symbols[i + 1] == b) { symbols[i] = a + b; symbols.RemoveAt(i + 1); }
            ids.AddRange(symbols.Select(s => vocab.GetValueOrDefault(s, 1)));
        }
        return ids.Take(maxLen).Concat(Enumerable.Repeat(0L, Math.Max(0, maxLen - ids.Count))).ToArray();
    }

    public static (Tensor Ids, Tensor Labels) LoadLabelled(string path, List<(string, string)> merges, Dictionary<string, long> vocab, int maxLen)
    {
        var rows = File.ReadLines(path).Select(l => l.Split('\t')).ToArray();
        var ids = rows.SelectMany(r => Encode(r[1], merges, vocab, maxLen)).ToArray();
        return (torch.tensor(ids).view(rows.Length, maxLen), torch.tensor(rows.Select(r => long.Parse(r[0])).ToArray()));
    }
}
